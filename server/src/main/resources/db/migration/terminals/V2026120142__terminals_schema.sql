-- The terminals module owns its table: the terminal master moves out of the schema admin
-- (V2026112693__admin_holidays_terminals.sql created it there); the holidays stay in admin.
create schema if not exists terminals;

alter table admin.terminals set schema terminals;
