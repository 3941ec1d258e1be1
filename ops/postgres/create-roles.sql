-- Madoguchi on an external PostgreSQL (15 or later): the two roles and the database, the same
-- split as in the embedded server (docs/operations.md, "Database roles").
--
--   madoguchi_owner  owns the database, every schema and table (the audit trail's too); runs the
--                    migrations (Flyway), backups and restores. Not a superuser.
--   madoguchi_app    the application's connection pool: reads and writes the modules' tables, may
--                    only read and append to the audit trail, owns nothing. Its table rights are
--                    granted by the migrations' afterMigrate callback, after every migration.
--
-- Run once, as a superuser (or a role with CREATEROLE and CREATEDB), with two new passwords:
--
--   psql -h db.example -U postgres -v owner_password="$(openssl rand -base64 32)" \
--        -v app_password="$(openssl rand -base64 32)" -f ops/postgres/create-roles.sql
--
-- (psql sends them in the statement; with statement logging on, change them afterwards with
-- \password madoguchi_owner and \password madoguchi_app, which send only the hash). Then start
-- Madoguchi with
--
--   SPRING_DATASOURCE_URL=jdbc:postgresql://db.example:5432/madoguchi
--   SPRING_DATASOURCE_USERNAME=madoguchi_app     SPRING_DATASOURCE_PASSWORD=<app password>
--   SPRING_FLYWAY_USER=madoguchi_owner           SPRING_FLYWAY_PASSWORD=<owner password>
--
-- and allow only these two roles into the database in pg_hba.conf, with scram-sha-256.

\set ON_ERROR_STOP on
\if :{?owner_password}
\if :{?app_password}
\set given true
\endif
\endif
\if :{?given}
\else
do $$ begin raise exception 'give -v owner_password=... -v app_password=...'; end $$;
\endif

create role madoguchi_owner login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
    password :'owner_password';
create role madoguchi_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
    password :'app_password';

create database madoguchi owner madoguchi_owner encoding 'UTF8' template template0;
revoke all on database madoguchi from public;
grant connect, temporary on database madoguchi to madoguchi_app;

\connect madoguchi
-- Only the owner creates objects; the application role gets its rights from the migrations.
revoke create on schema public from public;
