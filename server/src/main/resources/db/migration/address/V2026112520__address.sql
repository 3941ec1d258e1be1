-- Addresses (住所): Japan Post's postal codes and the address base registry's town master.
-- Each table is replaced as a whole by an import, in one transaction (address.domain.AddressImporter).
create schema if not exists address;

-- utf_ken_all.csv, one row per record, in the file's order (seq).
create table address.postal_codes (
    seq                     integer  not null,
    lg_code                 char(6)  not null,
    old_postal_code         text     not null,
    postal_code             char(7)  not null,
    pref_kana               text     not null,
    city_kana               text     not null,
    town_kana               text     not null,
    pref                    text     not null,
    city                    text     not null,
    town                    text     not null,
    -- The six flags of the file, as numbers (see Japan Post's description of the format).
    multiple_codes_for_town smallint not null,
    numbered_per_koaza      smallint not null,
    has_chome               smallint not null,
    multiple_towns_for_code smallint not null,
    update_status           smallint not null,
    change_reason           smallint not null,
    constraint postal_codes_pk primary key (seq),
    constraint postal_codes_code check (postal_code ~ '^[0-9]{7}$'),
    constraint postal_codes_lg_code check (lg_code ~ '^[0-9]{6}$')
);

create index postal_codes_code_ix on address.postal_codes (postal_code);

-- mt_town_all.csv: the columns the counter uses (the romanised names and source codes are left out).
create table address.towns (
    lg_code       char(6)  not null,
    machiaza_id   char(7)  not null,
    machiaza_type smallint not null,
    pref          text     not null,
    pref_kana     text     not null,
    county        text     not null,
    county_kana   text     not null,
    city          text     not null,
    city_kana     text     not null,
    ward          text     not null,
    ward_kana     text     not null,
    oaza_cho      text     not null,
    oaza_cho_kana text     not null,
    chome         text     not null,
    chome_kana    text     not null,
    chome_number  text     not null,
    koaza         text     not null,
    koaza_kana    text     not null,
    rsdt_addr_flg smallint,
    status_flg    smallint,
    efct_date     date,
    ablt_date     date,
    post_code     char(7),
    remarks       text     not null,
    constraint towns_pk primary key (lg_code, machiaza_id)
);

create index towns_post_code_ix on address.towns (post_code);

-- The last successful import of each dataset.
create table address.imports (
    dataset     text        not null,
    source      text        not null,
    row_count   integer     not null,
    imported_at timestamptz not null,
    imported_by text        not null,
    constraint imports_pk primary key (dataset),
    constraint imports_dataset check (dataset in ('ken_all', 'town_master'))
);
