-- The counter's opening hours per weekday (窓口の開庁時間), one row per weekday it opens
-- (ISO weekday, 1 = Monday .. 7 = Sunday). A weekday without a row is not opened; a
-- closed day of the ordinance (admin.closed_day_rule, admin.holidays) is closed all day
-- whatever its weekday's hours. The PIA report and the access alerts count personal-data
-- reads outside these hours. Seeded with Kushiro's 8:45-17:30, Monday to Friday; until
-- now the hours were the settings madoguchi.audit.pia.opens/closes, which are gone.
create table admin.opening_hours (
    weekday    smallint    primary key check (weekday between 1 and 7),
    opens      time        not null,
    closes     time        not null,
    updated_at timestamptz not null default now(),
    updated_by text        not null default 'system',
    check (opens < closes)
);

insert into admin.opening_hours (weekday, opens, closes)
select d, time '08:45', time '17:30' from generate_series(1, 5) as d;
