-- 特例転入 (issue 18): a ticket issued from the moving-out data sent ahead remembers the
-- resident-record system's number for that data, so the counter can start the 特例転入 from it
-- and the board shows the arrival as 発券済み. One ticket per data sent ahead and day.
alter table reception.receptions add column sent_ahead_notice text;
create unique index receptions_sent_ahead on reception.receptions (day, sent_ahead_notice)
    where sent_ahead_notice is not null;
