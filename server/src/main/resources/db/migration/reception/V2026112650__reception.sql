-- Reception and queues (窓口受付). The module owns schema "reception".
create schema if not exists reception;

-- 課 (departments). guide_names lists the 担当課 texts of the procedure guide that this department
-- handles (matched as prefixes), so a reception can be routed to one queue per department.
create table reception.departments (
    code        text primary key check (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    name        text not null,
    name_en     text not null default '',
    guide_names text[] not null default '{}',
    sample      boolean not null default false
);

-- 待ち行列. first_number keeps the number ranges of queues apart, so a ticket routed on from
-- another queue never shows the same number as one of the queue's own tickets.
create table reception.queues (
    code                     text primary key check (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    name                     text not null,
    name_en                  text not null default '',
    department_code          text references reception.departments (code),
    first_number             integer not null default 1 check (first_number between 1 and 9000),
    default_service_minutes  integer not null default 10 check (default_service_minutes between 1 and 240),
    active                   boolean not null default true,
    sample                   boolean not null default false
);

-- 窓口 (counters) of a queue; open counters serve, and the estimate divides by them.
create table reception.counters (
    queue_code text not null references reception.queues (code),
    code       text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$'),
    name       text not null,
    name_en    text not null default '',
    open       boolean not null default true,
    sort_order integer not null default 0,
    primary key (queue_code, code)
);

-- The last ticket number issued per queue and day: one row, updated with UPDATE … RETURNING,
-- so concurrent issuing never hands out a number twice.
create table reception.ticket_counters (
    queue_code  text not null references reception.queues (code),
    day         date not null,
    last_number integer not null,
    primary key (queue_code, day)
);

-- 受付: one resident visit, one ticket number for the whole building.
create table reception.receptions (
    id               uuid primary key,
    day              date not null,
    ticket_number    integer not null,
    origin_queue     text not null references reception.queues (code),
    notification_id  uuid,
    source           text not null,
    name             text,
    name_key         text,
    priority         text,
    created_at       timestamptz not null,
    created_by       text not null,
    unique (origin_queue, day, ticket_number)
);
create index receptions_day on reception.receptions (day, ticket_number);
create index receptions_name_key on reception.receptions (name_key text_pattern_ops);
create index receptions_notification on reception.receptions (notification_id);

-- 手続き (tasks): the reception's turn in one queue. A routed reception gets a new task in the
-- next queue and keeps its ticket number.
create table reception.tasks (
    id                 uuid primary key,
    reception_id       uuid not null references reception.receptions (id),
    queue_code         text not null references reception.queues (code),
    day                date not null,
    ticket_number      integer not null,
    status             text not null check (status in ('WAITING','CALLED','IN_SERVICE','DONE','ROUTED','ABSENT')),
    priority           boolean not null default false,
    counter_code       text,
    enqueued_at        timestamptz not null,
    called_at          timestamptz,
    called_by          text,
    service_started_at timestamptz,
    finished_at        timestamptz,
    routed_from        uuid references reception.tasks (id),
    procedures         text[] not null default '{}',
    version            integer not null default 0,
    -- Creation order: ties on enqueued_at (the same instant) keep the order tasks were made in.
    seq                bigint generated always as identity
);
-- Call-next reads exactly this range: the waiting tasks of one queue and day, in calling order.
create index tasks_waiting on reception.tasks (queue_code, day, priority desc, enqueued_at, seq)
    where status = 'WAITING';
create index tasks_reception on reception.tasks (reception_id);
create index tasks_finished on reception.tasks (queue_code, finished_at desc) where finished_at is not null;

-- Timeline: every status change, who, when, from, to, at which counter.
create table reception.task_events (
    id           bigserial primary key,
    reception_id uuid not null references reception.receptions (id),
    task_id      uuid not null references reception.tasks (id),
    queue_code   text not null,
    from_status  text,
    to_status    text not null,
    counter_code text,
    actor        text not null,
    at           timestamptz not null,
    note         text
);
create index task_events_reception on reception.task_events (reception_id, id);

-- Call-display terminals: a display shows one queue without a staff login; its token is stored
-- hashed (SHA-256) and can be revoked.
create table reception.display_tokens (
    id          uuid primary key,
    queue_code  text not null references reception.queues (code),
    name        text not null,
    token_hash  text not null unique,
    created_at  timestamptz not null,
    created_by  text not null,
    revoked_at  timestamptz
);

-- Sample masters (sample = true): a fresh system can take tickets at once; cities replace them.
insert into reception.departments (code, name, name_en, guide_names, sample) values
    ('citizen', '市民課', 'Citizens Division', '{市民課,環境事業課（市民課で配布）}', true),
    ('insurance', '国保年金', 'Health Insurance and Pension', '{国民健康保険課,介護高齢課}', true),
    ('child', '子育て', 'Child and Family', '{こども支援課,こども保育課,健康推進課,教育委員会 学校教育課}', true),
    ('welfare', '福祉', 'Welfare', '{障がい福祉課,生活福祉事務所}', true);

insert into reception.queues (code, name, name_en, department_code, first_number, default_service_minutes, sample) values
    ('moving', '住民異動', 'Moving notifications', 'citizen', 1, 15, true),
    ('insurance', '国保年金', 'Health insurance and pension', 'insurance', 2001, 10, true),
    ('child', '子育て', 'Child and family', 'child', 3001, 10, true),
    ('welfare', '福祉', 'Welfare', 'welfare', 4001, 10, true);

insert into reception.counters (queue_code, code, name, name_en, sort_order) values
    ('moving', '1', '1番窓口', 'Counter 1', 1),
    ('moving', '2', '2番窓口', 'Counter 2', 2),
    ('moving', '3', '3番窓口', 'Counter 3', 3),
    ('moving', '4', '4番窓口', 'Counter 4', 4),
    ('insurance', '11', '11番窓口', 'Counter 11', 1),
    ('insurance', '12', '12番窓口', 'Counter 12', 2),
    ('child', '21', '21番窓口', 'Counter 21', 1),
    ('welfare', '31', '31番窓口', 'Counter 31', 1);
