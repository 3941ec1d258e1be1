-- Audit trail (監査証跡): append-only events, each carrying the SHA-256 of its predecessor.
-- The application computes the hashes; the database guarantees append-only storage and that
-- every new event extends the chain head, so even a direct INSERT cannot fork the chain.
create schema if not exists audit;

create table audit.events (
    id          bigint      not null,
    occurred_at timestamptz not null,
    actor       text,
    terminal    text,
    ip          text,
    action      text        not null,
    subject     text,
    outcome     text        not null,
    detail      text,
    prev_hash   char(64)    not null,
    hash        char(64)    not null,
    constraint events_pk primary key (id),
    constraint events_id_positive check (id > 0),
    constraint events_outcome check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    constraint events_prev_hash_hex check (prev_hash ~ '^[0-9a-f]{64}$'),
    constraint events_hash_hex check (hash ~ '^[0-9a-f]{64}$')
);

create index events_occurred_at_ix on audit.events (occurred_at);
create index events_actor_ix on audit.events (actor, id);
create index events_action_ix on audit.events (action, id);
-- text_pattern_ops serves both equality and the prefix search (subject=user:*).
create index events_subject_ix on audit.events (subject text_pattern_ops);

-- The last appended event. Appends lock this row FOR UPDATE, so they serialize and ids follow
-- chain order without gaps; verification compares it with the last stored event, which is how
-- the removal of the newest events is detected.
create table audit.chain_head (
    singleton boolean  not null default true,
    last_id   bigint   not null,
    last_hash char(64) not null,
    constraint chain_head_pk primary key (singleton),
    constraint chain_head_singleton check (singleton),
    constraint chain_head_hash_hex check (last_hash ~ '^[0-9a-f]{64}$')
);

insert into audit.chain_head (singleton, last_id, last_hash)
values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create function audit.refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit.% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger events_append_only
    before update or delete or truncate on audit.events
    for each statement execute function audit.refuse_change();

create function audit.check_append() returns trigger
    language plpgsql as
$$
declare
    head audit.chain_head%rowtype;
begin
    select * into head from audit.chain_head for update;
    if new.id <> head.last_id + 1 or new.prev_hash <> head.last_hash then
        raise exception 'audit.events: event % does not extend the chain head (event %)', new.id, head.last_id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger events_extend_chain
    before insert on audit.events
    for each row execute function audit.check_append();

create function audit.check_head_advance() returns trigger
    language plpgsql as
$$
begin
    if new.last_id <> old.last_id + 1
        or not exists (select 1 from audit.events e where e.id = new.last_id and e.hash = new.last_hash) then
        raise exception 'audit.chain_head may only advance to the event just appended'
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger chain_head_advance_only
    before update on audit.chain_head
    for each row execute function audit.check_head_advance();

create trigger chain_head_no_removal
    before insert or delete or truncate on audit.chain_head
    for each statement execute function audit.refuse_change();
