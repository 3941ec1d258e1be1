-- The 受付票 prints the reception's ticket number (reception module) instead of the
-- notification's reference: a new version of the template in force, so a city's own
-- edits stay (only the binding of the number field changes).
insert into forms.templates (form_id, version, title, note, definition)
select form_id, version + 1, title, '受付番号に受付の番号札の番号を印字',
	replace(definition::text, '"bind": "reference"', '"bind": "ticketNumber"')::jsonb
from forms.templates
where form_id = 'reception-ticket'
	and version = (select max(version) from forms.templates where form_id = 'reception-ticket');
