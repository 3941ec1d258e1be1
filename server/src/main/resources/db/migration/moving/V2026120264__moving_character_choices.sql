-- Issue 17: staff's choice of what the resident-record target receives for a character it
-- cannot carry (a Shift_JIS CSV, a target without variation sequences, JIS X 0208 only).
-- One choice per item (JSON pointer into the content) and original character; purged with
-- the notification.
create table moving.character_choices (
    notification_id uuid        not null references moving.notifications (id) on delete cascade,
    field           text        not null,
    original        text        not null,
    replacement     text        not null,
    chosen_by       text        not null,
    chosen_at       timestamptz not null,
    primary key (notification_id, field, original)
);
