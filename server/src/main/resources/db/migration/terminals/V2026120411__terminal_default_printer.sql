-- Issue 19: the printer a counter terminal prints to when a department has none of its own
-- (a name from the printer master or the configuration; checked when printing).
alter table terminals.terminals add column default_printer text;
