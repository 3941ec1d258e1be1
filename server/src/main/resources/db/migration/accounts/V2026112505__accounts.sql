create schema accounts;

-- Staff accounts (spec 12(3)): ID and password, groups, permissions set by the city.
create table accounts.users (
    id                   bigint generated always as identity primary key,
    username             text        not null,
    display_name         text        not null,
    password_hash        text        not null,
    must_change_password boolean     not null default false,
    enabled              boolean     not null default true,
    failed_logins        int         not null default 0,
    locked_until         timestamptz,
    created_at           timestamptz not null default now(),
    password_changed_at  timestamptz not null default now(),
    last_login_at        timestamptz,
    version              int         not null default 0,
    constraint users_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);
create unique index users_username_ux on accounts.users (username);

create table accounts.groups (
    id          bigint generated always as identity primary key,
    name        text not null,
    description text not null default '',
    constraint groups_name_not_blank check (length(btrim(name)) > 0)
);
create unique index groups_name_ux on accounts.groups (name);

create table accounts.group_permissions (
    group_id   bigint not null references accounts.groups (id) on delete cascade,
    permission text   not null,
    primary key (group_id, permission)
);

create table accounts.user_groups (
    user_id  bigint not null references accounts.users (id) on delete cascade,
    group_id bigint not null references accounts.groups (id) on delete cascade,
    primary key (user_id, group_id)
);

-- Tokens for programs: only a SHA-256 of the token is kept; the token is shown once.
create table accounts.api_tokens (
    id           bigint generated always as identity primary key,
    name         text        not null,
    user_id      bigint      not null references accounts.users (id) on delete cascade,
    token_hash   text        not null unique,
    token_prefix text        not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_ix on accounts.api_tokens (user_id);
