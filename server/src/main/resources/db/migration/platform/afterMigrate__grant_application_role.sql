-- Runs after every Flyway migrate (a callback, not a versioned migration), as the role that
-- owns the schemas (madoguchi_owner): grants the application role madoguchi_app what it needs
-- on every table the migrations made, and no more (docs/operations.md, Database).
--   * the modules' schemas: read and write rows, ANALYZE (no TRUNCATE, no DDL: it owns nothing);
--   * audit: read and append; the chain head may only advance (its trigger checks how);
--     purging goes through audit.purge_through;
--   * Flyway's history table: read only.
-- A database without that role (development or tests as a superuser) is left as it is.
do $$
declare
    app constant text := 'madoguchi_app';
    s record;
begin
    if not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    for s in select n.nspname from pg_namespace n
             where n.nspowner = (select oid from pg_roles where rolname = current_user)
               and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
    loop
        execute format('grant usage on schema %I to %I', s.nspname, app);
        execute format('revoke all on all tables in schema %I from %I', s.nspname, app);
        execute format('revoke all on all sequences in schema %I from %I', s.nspname, app);
        if s.nspname = 'audit' then
            execute format('grant select, insert on all tables in schema audit to %I', app);
            execute format('grant usage, select on all sequences in schema audit to %I', app);
            execute format('grant update on audit.chain_head to %I', app);
            if to_regprocedure('audit.purge_through(bigint)') is not null then
                execute format('grant execute on function audit.purge_through(bigint) to %I', app);
            end if;
        else
            execute format('grant select, insert, update, delete on all tables in schema %I to %I', s.nspname, app);
            execute format('grant usage, select, update on all sequences in schema %I to %I', s.nspname, app);
            -- ANALYZE after an address import (PostgreSQL 17+; before, autovacuum does it)
            if current_setting('server_version_num')::int >= 170000 then
                execute format('grant maintain on all tables in schema %I to %I', s.nspname, app);
            end if;
        end if;
    end loop;
    execute format('revoke insert, update, delete on %I.%I from %I', '${flyway:defaultSchema}', '${flyway:table}', app);
end
$$;
