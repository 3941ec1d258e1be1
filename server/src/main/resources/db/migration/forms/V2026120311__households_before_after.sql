-- Issue 18: the 住民異動届 of a notification started from the resident record prints the
-- households before and after (who leaves, who stays, who becomes head, 続柄 before and
-- after) on a sheet of its own. A new version of the template in force, so a city's own
-- edits stay: the sheet is appended as a page whose repeat over `households` leaves the
-- page out when the list is empty (a notification entered by hand prints as before). A
-- template that already prints `households` is left alone.
insert into forms.templates (form_id, version, title, note, definition)
select t.form_id, t.version + 1, t.title, '世帯の異動前・異動後（住民記録から始めた届出）を別紙に印字',
	jsonb_set(t.definition, '{pages}', (t.definition->'pages') || jsonb_build_array(jsonb_build_object('elements', '[
		{"type": "text", "x": 15, "y": 10, "w": 180, "h": 12, "text": "住民異動届（別紙）　世帯の異動前・異動後", "size": 16, "align": "center"},
		{"type": "text", "x": 15, "y": 21, "w": 180, "h": 6, "text": "住民記録から始めた届出: 異動前は届出を始めたときの住民記録、異動後はこの届出の内容", "size": 9, "align": "center"},
		{"type": "text", "x": 120, "y": 28, "w": 20, "h": 7, "text": "届出日", "size": 9, "align": "right"},
		{"type": "field", "name": "別紙・届出日", "bind": "filedOn", "x": 140, "y": 28, "w": 55, "h": 7, "size": 10},
		{"type": "text", "x": 15, "y": 28, "w": 25, "h": 7, "text": "届出の種類", "size": 9},
		{"type": "field", "name": "別紙・届出の種類", "bind": "type", "x": 40, "y": 28, "w": 30, "h": 7, "size": 10},
		{"type": "field", "name": "別紙・区分", "bind": "variant", "x": 70, "y": 28, "w": 50, "h": 7, "size": 9},
		{"type": "box", "x": 15, "y": 40, "w": 54, "h": 14},
		{"type": "text", "x": 15, "y": 40, "w": 54, "h": 14, "text": "氏名", "size": 9, "align": "center"},
		{"type": "box", "x": 69, "y": 40, "w": 50, "h": 7},
		{"type": "text", "x": 69, "y": 40, "w": 50, "h": 7, "text": "世帯 (異動前)", "size": 9, "align": "center"},
		{"type": "box", "x": 119, "y": 40, "w": 50, "h": 7},
		{"type": "text", "x": 119, "y": 40, "w": 50, "h": 7, "text": "世帯 (異動後)", "size": 9, "align": "center"},
		{"type": "box", "x": 169, "y": 40, "w": 26, "h": 14},
		{"type": "text", "x": 169, "y": 40, "w": 26, "h": 14, "text": "異動", "size": 9, "align": "center"},
		{"type": "box", "x": 69, "y": 47, "w": 34, "h": 7},
		{"type": "text", "x": 69, "y": 47, "w": 34, "h": 7, "text": "世帯主", "size": 8, "align": "center"},
		{"type": "box", "x": 103, "y": 47, "w": 16, "h": 7},
		{"type": "text", "x": 103, "y": 47, "w": 16, "h": 7, "text": "続柄", "size": 8, "align": "center"},
		{"type": "box", "x": 119, "y": 47, "w": 34, "h": 7},
		{"type": "text", "x": 119, "y": 47, "w": 34, "h": 7, "text": "世帯主", "size": 8, "align": "center"},
		{"type": "box", "x": 153, "y": 47, "w": 16, "h": 7},
		{"type": "text", "x": 153, "y": 47, "w": 16, "h": 7, "text": "続柄", "size": 8, "align": "center"},
		{"type": "repeat", "name": "世帯の異動前後", "bind": "households", "x": 15, "y": 54, "rowHeight": 12, "rows": 18,
			"pageOnlyWithItems": true, "elements": [
			{"type": "box", "x": 0, "y": 0, "w": 8, "h": 12},
			{"type": "field", "name": "別紙・番号", "bind": "$index", "x": 0, "y": 0, "w": 8, "h": 12, "size": 9, "align": "center"},
			{"type": "box", "x": 8, "y": 0, "w": 46, "h": 12},
			{"type": "field", "name": "別紙・氏名", "bind": "name", "x": 9, "y": 0, "w": 44, "h": 12, "size": 12, "minSize": 6},
			{"type": "box", "x": 54, "y": 0, "w": 34, "h": 12},
			{"type": "field", "name": "異動前の世帯主", "bind": "headBefore", "x": 55, "y": 0, "w": 32, "h": 12, "size": 10, "minSize": 6},
			{"type": "box", "x": 88, "y": 0, "w": 16, "h": 12},
			{"type": "field", "name": "異動前の続柄", "bind": "relationshipBefore", "x": 88, "y": 0, "w": 16, "h": 12, "size": 9, "minSize": 6, "align": "center"},
			{"type": "box", "x": 104, "y": 0, "w": 34, "h": 12},
			{"type": "field", "name": "異動後の世帯主", "bind": "headAfter", "x": 105, "y": 0, "w": 32, "h": 12, "size": 10, "minSize": 6},
			{"type": "box", "x": 138, "y": 0, "w": 16, "h": 12},
			{"type": "field", "name": "異動後の続柄", "bind": "relationshipAfter", "x": 138, "y": 0, "w": 16, "h": 12, "size": 9, "minSize": 6, "align": "center"},
			{"type": "box", "x": 154, "y": 0, "w": 26, "h": 12},
			{"type": "field", "name": "異動の区分", "bind": "movement", "x": 154, "y": 0.5, "w": 26, "h": 5.5, "size": 8, "minSize": 6, "align": "center"},
			{"type": "field", "name": "世帯主の変更", "bind": "note", "x": 154, "y": 6, "w": 26, "h": 5.5, "size": 8, "minSize": 6, "align": "center"}
		]},
		{"type": "line", "x1": 15, "y1": 285, "x2": 195, "y2": 285, "width": 0.2},
		{"type": "text", "x": 15, "y": 286, "w": 25, "h": 6, "text": "受付番号", "size": 8},
		{"type": "field", "name": "別紙・受付番号", "bind": "reference", "x": 35, "y": 286, "w": 40, "h": 6, "size": 8},
		{"type": "text", "x": 120, "y": 286, "w": 20, "h": 6, "text": "印刷日", "size": 8, "align": "right"},
		{"type": "field", "name": "別紙・印刷日", "bind": "printedOn", "x": 140, "y": 286, "w": 55, "h": 6, "size": 8}
	]'::jsonb)))
from forms.templates t
where t.form_id = 'moving-notification'
	and t.version = (select max(version) from forms.templates where form_id = 'moving-notification')
	and not t.definition::text like '%"households"%';
