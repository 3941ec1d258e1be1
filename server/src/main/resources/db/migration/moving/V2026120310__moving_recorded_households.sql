-- Issue 18: a draft started from the resident record keeps the household(s) as recorded at
-- that moment (世帯番号, head, every member with 宛名番号, name, birth date and 続柄), so that
-- its before and after (who leaves, who stays, who becomes head) does not change when the
-- record changes later. Purged with the notification.
create table moving.recorded_households (
    notification_id uuid  primary key references moving.notifications (id) on delete cascade,
    households      jsonb not null
);
