create schema if not exists admin;

-- Retention settings (one row): personal records are kept for `records_years` full fiscal years
-- after the fiscal year they date from, audit events for `audit_years`; the fiscal year starts
-- on the 1st of `fiscal_year_start_month` (April in Japan).
create table admin.retention_settings (
    singleton               boolean     not null default true primary key check (singleton),
    records_years           int         not null default 5 check (records_years between 1 and 100),
    audit_years             int         not null default 10 check (audit_years between 2 and 100),
    fiscal_year_start_month int         not null default 4 check (fiscal_year_start_month between 1 and 12),
    updated_at              timestamptz,
    updated_by              text
);
insert into admin.retention_settings (singleton) values (true);

-- One row per purge run, with the count per target (the report of each purge).
create table admin.purge_runs (
    id             bigint generated always as identity primary key,
    run_on         date        not null,
    started_at     timestamptz not null,
    finished_at    timestamptz not null,
    trigger        text        not null check (trigger in ('SCHEDULED', 'MANUAL')),
    actor          text,
    records_cutoff date        not null,
    audit_cutoff   date        not null
);
create index purge_runs_run_on_ix on admin.purge_runs (run_on);

create table admin.purge_run_counts (
    run_id bigint not null references admin.purge_runs (id) on delete cascade,
    target text   not null,
    purged bigint not null,
    primary key (run_id, target)
);
