-- Visits booked (来庁予約, issue 23). The module owns schema "booking".
create schema if not exists booking;

-- One booked visit. The code (8 characters, see BookingCodes) is the resident's only key.
-- name is optional and kept only while the booking is open: check-in hands it to the
-- reception, cancelling and the no-show release set it to null. queue_code names a queue of
-- the reception master (no foreign key across the modules' schemas).
create table booking.bookings (
    id            uuid primary key,
    code          text not null unique check (code ~ '^[2-9A-HJ-NP-Z]{8}$'),
    queue_code    text not null,
    day           date not null,
    slot_start    time not null,
    starts_at     timestamptz not null,
    name          text,
    status        text not null check (status in ('BOOKED','CANCELLED','CHECKED_IN','NO_SHOW')),
    created_at    timestamptz not null,
    finished_at   timestamptz,
    reception_id  uuid,
    ticket_number integer,
    check (status = 'BOOKED' or name is null)
);
-- Places taken per slot.
create index bookings_slot on booking.bookings (queue_code, day, slot_start)
    where status in ('BOOKED', 'CHECKED_IN');
-- The no-show release.
create index bookings_open on booking.bookings (starts_at) where status = 'BOOKED';
