-- The application role may read and append to the audit trail but not delete from it
-- (docs/operations.md, Database). Purging the oldest events behind an anchor (issue 10) goes
-- through this function, which runs with its owner's rights; the purge trigger still refuses
-- any event that is not behind the newest anchor.
create function audit.purge_through(last_id bigint) returns bigint
    language sql
    security definer
    set search_path = pg_catalog, pg_temp
as
$$
with purged as (
    delete from audit.events where id <= last_id returning 1
)
select count(*) from purged;
$$;

revoke all on function audit.purge_through(bigint) from public;
