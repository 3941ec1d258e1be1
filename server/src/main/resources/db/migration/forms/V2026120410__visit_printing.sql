-- Issue 19: printing a visit. One job per department: the cover sheet and the department's
-- forms in one document. visit_id groups the jobs of one print action; blank_pages are the
-- backs inserted so that each form starts on its own sheet when printed on both sides (taken
-- out again when the printer turns out to print one side only); notice says what the printer
-- did differently from what the forms asked (simplex instead of duplex).
alter table forms.print_jobs add column visit_id uuid;
alter table forms.print_jobs add column department text;
alter table forms.print_jobs add column duplex boolean not null default false;
alter table forms.print_jobs add column blank_pages integer[] not null default '{}';
alter table forms.print_jobs add column notice text;

create index print_jobs_printer on forms.print_jobs (printer, created_at desc);

-- Each signature is bound to the content of every form it covers: formId -> SHA-256 of the
-- form's template and of the data it is filled with. Null for signatures made before.
alter table forms.signatures add column form_hashes jsonb;

-- How shipped forms print (template metadata "print"): the 住民異動届 on both sides (its 別紙
-- on the back), the 国保 forms in two copies (the office's and the resident's 控え), the
-- 児童手当 claim on both sides. Only where the city has not edited the template.
insert into forms.templates (form_id, version, title, definition, note)
select t.form_id, t.version + 1, t.title, t.definition || s.print, '印刷設定（両面・部数）'
from (select distinct on (form_id) form_id, version, title, definition, created_by
      from forms.templates order by form_id, version desc) t
join (values ('moving-notification', '{"print": {"duplex": true, "copies": 1}}'::jsonb),
             ('nhi-join', '{"print": {"duplex": false, "copies": 2}}'::jsonb),
             ('nhi-leave', '{"print": {"duplex": false, "copies": 2}}'::jsonb),
             ('child-allowance-claim', '{"print": {"duplex": true, "copies": 1}}'::jsonb)) s (form_id, print)
  on s.form_id = t.form_id
where t.created_by = 'seed' and not t.definition ? 'print';
