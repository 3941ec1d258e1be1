-- Issue 23 (visits booked): the queue master says how long a booking slot is and how many
-- visits each slot takes. A capacity of 0 keeps the queue off the booking pages.
alter table reception.queues
    add column slot_minutes  integer not null default 30 check (slot_minutes between 5 and 240),
    add column slot_capacity integer not null default 0 check (slot_capacity between 0 and 100);
