-- The retention module owns its tables: settings and purge runs move out of the schema admin
-- (V2026112690__admin_retention.sql created them there). Indexes, constraints and the identity
-- sequence of purge_runs move with their tables.
create schema if not exists retention;

alter table admin.retention_settings set schema retention;
alter table admin.purge_runs set schema retention;
alter table admin.purge_run_counts set schema retention;
