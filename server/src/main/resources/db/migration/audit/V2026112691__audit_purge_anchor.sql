-- Retention of the audit trail (issue 10): the oldest events may be purged, but only as a
-- prefix of the chain and only after an anchor recording the last purged event's id and hash
-- has been stored. Verification starts from the newest anchor, so every event still stored is
-- checked exactly as before; altering or removing any of them is still detected.
create table audit.purges (
    purged_through_id   bigint      not null,
    purged_through_hash char(64)    not null,
    purged_at           timestamptz not null default now(),
    purged_count        bigint      not null,
    constraint purges_pk primary key (purged_through_id),
    constraint purges_hash_hex check (purged_through_hash ~ '^[0-9a-f]{64}$')
);

-- An anchor moves forward only, to a stored event with that very hash, and never to an event
-- younger than a year: the database itself refuses to make recent history disappear.
create function audit.check_anchor() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from audit.purges p where p.purged_through_id >= new.purged_through_id) then
        raise exception 'audit.purges: anchors only move forward'
            using errcode = 'integrity_constraint_violation';
    end if;
    if not exists (select 1 from audit.events e
                   where e.id = new.purged_through_id and e.hash = new.purged_through_hash
                     and e.occurred_at < now() - interval '1 year') then
        raise exception 'audit.purges: the anchor must be a stored event older than a year'
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger purges_check_anchor
    before insert on audit.purges
    for each row execute function audit.check_anchor();

create trigger purges_append_only
    before update or delete or truncate on audit.purges
    for each statement execute function audit.refuse_change();

-- Deleting events: allowed only at or below the newest anchor. Updates and truncation stay
-- refused for every event.
drop trigger events_append_only on audit.events;

create trigger events_append_only
    before update or truncate on audit.events
    for each statement execute function audit.refuse_change();

create function audit.check_purge() returns trigger
    language plpgsql as
$$
begin
    if old.id > coalesce((select max(purged_through_id) from audit.purges), 0) then
        raise exception 'audit.events is append-only: event % is not behind a purge anchor', old.id
            using errcode = 'insufficient_privilege';
    end if;
    return old;
end;
$$;

create trigger events_purge_behind_anchor
    before delete on audit.events
    for each row execute function audit.check_purge();
