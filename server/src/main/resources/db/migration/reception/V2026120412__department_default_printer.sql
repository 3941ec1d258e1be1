-- Issue 19: the printer where a department's stack of forms is printed (a name from the
-- printer master or the configuration; checked when printing).
alter table reception.departments add column default_printer text;
