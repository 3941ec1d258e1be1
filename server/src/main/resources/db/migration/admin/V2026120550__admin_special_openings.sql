-- Special openings (特別開庁日): a day the counters open with hours of its own, most often a
-- closed day opened for the moving season (休日開庁: Sundays in late March and early April).
-- Bookings, the reception's hours and the PIA report's "outside hours" follow it; the law's
-- periods do not (a closed day of the ordinance stays one for 地方自治法 §4-2 ④).
create table admin.special_openings (
    day        date        primary key,
    opens      time        not null,
    closes     time        not null,
    note       text        not null default '' check (length(note) <= 50),
    created_at timestamptz not null default now(),
    created_by text        not null,
    check (opens < closes)
);
