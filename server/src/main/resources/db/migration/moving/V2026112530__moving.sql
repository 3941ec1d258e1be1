create schema moving;

-- 続柄, seen from the head of household (DOMAIN.md §3). Codes are ours until a city loads the
-- official list of the resident-record standard.
create table moving.relationships (
    code       text    primary key,
    name       text    not null unique,
    sort_order int     not null,
    active     boolean not null default true
);
insert into moving.relationships (code, name, sort_order) values
    ('01', '世帯主', 10), ('02', '妻', 20), ('03', '夫', 30), ('04', '妻(未届)', 40), ('05', '夫(未届)', 50),
    ('06', '子', 60), ('07', '妻の子', 70), ('08', '夫の子', 80), ('09', '子の妻', 90), ('10', '子の夫', 100),
    ('11', '孫', 110), ('12', '父', 120), ('13', '母', 130), ('14', '妻の父', 140), ('15', '妻の母', 150),
    ('16', '夫の父', 160), ('17', '夫の母', 170), ('18', '兄', 180), ('19', '姉', 190), ('20', '弟', 200),
    ('21', '妹', 210), ('22', '祖父', 220), ('23', '祖母', 230), ('24', '縁故者', 240), ('25', '同居人', 250);

create table moving.notifications (
    id          uuid        primary key,
    version     int         not null,
    status      text        not null check (status in ('DRAFT', 'ACCEPTED', 'SENT', 'CANCELLED')),
    type        text        not null,
    variant     text        not null,
    moved_on    date,
    filed_on    date,
    content     jsonb       not null,
    findings    jsonb       not null,
    error_count int         not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    accepted_at timestamptz,
    accepted_by text
);
create index notifications_filed_ix on moving.notifications (filed_on desc, created_at desc);
create index notifications_status_ix on moving.notifications (status, filed_on desc);

-- Folded search keys (kanji with variants folded, kana as hiragana): prefix search by index.
create table moving.notification_names (
    notification_id uuid not null references moving.notifications (id) on delete cascade,
    name_key        text not null,
    primary key (notification_id, name_key)
);
create index notification_names_key_ix on moving.notification_names (name_key text_pattern_ops);

-- My Numbers, sealed with AES-256-GCM; the keys live outside the database.
create table moving.my_numbers (
    notification_id uuid  not null references moving.notifications (id) on delete cascade,
    position        int   not null,
    key_id          text  not null,
    nonce           bytea not null,
    ciphertext      bytea not null,
    primary key (notification_id, position)
);
