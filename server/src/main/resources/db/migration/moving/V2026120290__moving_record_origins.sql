-- Issue 18: a draft started from the resident record keeps where it came from: the lookup's
-- source, each person's 宛名番号, the data sent ahead used, and the items filled from the
-- record (JSON paths into the content) so the counter screen can mark them. Purged with the
-- notification.
create table moving.record_origins (
    notification_id uuid  primary key references moving.notifications (id) on delete cascade,
    origin          jsonb not null
);
