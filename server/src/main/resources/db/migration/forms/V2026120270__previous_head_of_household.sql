-- The 住民異動届 prints the head of the household a person leaves (前の世帯主, the
-- household before a 世帯変更). A new version of the template in force, so a city's own
-- edits stay: the 世帯主 row is narrowed where it still has the shipped layout, and the
-- new cell is added unless some field already prints it.
insert into forms.templates (form_id, version, title, note, definition)
select t.form_id, t.version + 1, t.title, '前の世帯主（世帯変更の前の世帯）を印字',
	jsonb_set(t.definition, '{pages,0,elements}',
		(select jsonb_agg(case
				when e->>'type' in ('box', 'field') and (e->>'x')::numeric = 43 and (e->>'y')::numeric = 80
					and (e->>'w')::numeric = 92 then jsonb_set(e, '{w}', '52')
				when e->>'type' = 'box' and (e->>'x')::numeric = 135 and (e->>'y')::numeric = 80
					then e || '{"x": 165, "w": 30}'
				when (e->>'x')::numeric = 138 and (e->>'y')::numeric between 81 and 83
					then jsonb_set(e, '{x}', '167')
				when e->>'type' = 'text' and e->>'text' = '新しい世帯' and (e->>'x')::numeric = 142.5
					then e || '{"x": 171.5, "w": 23}'
				else e end order by n)
			from jsonb_array_elements(t.definition->'pages'->0->'elements') with ordinality as a(e, n))
		|| '[{"type": "box", "x": 95, "y": 80, "w": 22, "h": 9},
			{"type": "text", "x": 95, "y": 80, "w": 22, "h": 9, "text": "前の世帯主", "size": 8, "align": "center"},
			{"type": "box", "x": 117, "y": 80, "w": 48, "h": 9},
			{"type": "field", "name": "前の世帯主", "bind": "previousHeadName", "x": 117, "y": 80, "w": 48, "h": 9,
				"size": 12, "minSize": 7}]'::jsonb)
from forms.templates t
where t.form_id = 'moving-notification'
	and t.version = (select max(version) from forms.templates where form_id = 'moving-notification')
	and not t.definition::text like '%"previousHeadName"%';
