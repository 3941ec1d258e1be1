-- Printers registered by administrators (the printer master), next to those in the
-- configuration (madoguchi.printers.<name>.uri); a name is one or the other.
create table forms.printers (
    name       text primary key,
    uri        text not null,
    location   text not null default '',
    created_at timestamptz not null default now(),
    created_by text not null
);
