-- The city's closed days (地方公共団体の休日, 地方自治法 §4-2) besides national holidays and
-- Sundays, as its 休日条例 sets them: Saturdays and the year-end days. One row. Deadlines of
-- the law that end on a closed day move to the next open day (§4-2 ④). Opening a counter
-- on a Saturday does not make that Saturday an open day, so this is not about hours.
create table admin.closed_day_rule (
    singleton        boolean     primary key default true check (singleton),
    saturdays_closed boolean     not null default true,
    -- MM-DD; the range may cross the new year (12-29 .. 01-03).
    year_end_from    text        not null default '12-29' check (year_end_from ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
    year_end_to      text        not null default '01-03' check (year_end_to ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
    updated_at       timestamptz not null default now(),
    updated_by       text        not null default 'system'
);

insert into admin.closed_day_rule default values;
