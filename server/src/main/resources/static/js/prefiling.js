// The resident's pre-application wizard (templates/prefiling/wizard.html, docs/prefiling.md).
// The server stores nothing: the draft lives in this browser's localStorage (never in kiosk
// mode, where the terminal is shared), and the page calls the public APIs: the guide
// (guidance/evaluate), the counter's checks (prefilings/check) and the codes (prefilings).
(() => {
	'use strict';

	const root = document.querySelector('main.prefiling');
	if (!root) {
		return;
	}
	const form = root.querySelector('#prefiling-form');
	const texts = root.querySelector('[data-texts]').dataset;
	const kiosk = root.dataset.kiosk === 'true';
	const lang = root.dataset.lang;
	const maxPersons = Number(root.dataset.maxPersons);
	const api = root.dataset.api;
	const guideApi = root.dataset.guideApi;
	const STORAGE_KEY = 'madoguchi.prefiling.draft';
	// Which answer of step 2 shows which per-person checkbox in step 4.
	const FACT_QUESTIONS = {careCertified: 'care', disabilityCertificate: 'disability', pregnant: 'pregnant',
		inNursery: 'nursery', publicAssistance: 'assistance', singleParent: 'singleParent'};
	// 在留カード・特別永住者証明書: two letters, eight digits, two letters.
	const CARD_NUMBER = /^[A-Z]{2}[0-9]{8}[A-Z]{2}$/;
	// The categories whose holders carry a card with status, period and number.
	const CARD_HOLDERS = ['MID_TO_LONG_TERM', 'SPECIAL_PERMANENT'];
	let step = 1;

	const personsBox = root.querySelector('[data-persons]');
	const template = root.querySelector('#person-template');

	function value(name) {
		const field = form.elements.namedItem(name);
		if (!field) {
			return null;
		}
		const text = (field.value || '').trim();
		return text === '' ? null : text;
	}

	function checked(name) {
		const field = form.elements.namedItem(name);
		return Boolean(field && field.checked);
	}

	function type() {
		const selected = form.querySelector('input[name="type"]:checked');
		return selected ? selected.value : null;
	}

	function variant() {
		const t = type();
		const selected = form.querySelector('[name="variant-' + t + '"]:checked')
			|| form.querySelector('input[type="hidden"][name="variant-' + t + '"]');
		return selected ? selected.value : null;
	}

	// --- persons --------------------------------------------------------------------------

	function addPerson() {
		if (personsBox.children.length >= maxPersons) {
			return null;
		}
		const person = template.content.firstElementChild.cloneNode(true);
		personsBox.appendChild(person);
		renumber();
		showFacts();
		return person;
	}

	// Ids and names follow the JSON path (persons[0].familyName → id persons0.familyName, as
	// Spring does), so that a finding's field leads to its input.
	function renumber() {
		Array.from(personsBox.children).forEach((person, i) => {
			person.querySelector('[data-person-number]').textContent = String(i + 1);
			person.id = 'persons' + i;
			person.querySelectorAll('[data-name]').forEach((input) => {
				input.name = 'persons[' + i + '].' + input.dataset.name;
				input.id = 'persons' + i + '.' + input.dataset.name;
			});
			person.querySelectorAll('[data-for]').forEach((label) => {
				label.htmlFor = 'persons' + i + '.' + label.dataset.for;
			});
			person.querySelectorAll('[data-hint-for]').forEach((hint) => {
				hint.id = 'persons' + i + '.' + hint.dataset.hintFor + '-hint';
				const input = person.querySelector('[data-name="' + hint.dataset.hintFor + '"]');
				if (input) {
					input.setAttribute('aria-describedby', hint.id);
				}
			});
		});
		root.querySelector('[data-action="add-person"]').disabled = personsBox.children.length >= maxPersons;
	}

	function showFacts() {
		root.querySelectorAll('[data-fact]').forEach((choice) => {
			choice.hidden = !checked('q.' + FACT_QUESTIONS[choice.dataset.fact]);
		});
	}

	// The foreign-resident items appear for a person who is not Japanese; status, period
	// and card number only for the categories that carry a card.
	function showForeign() {
		Array.from(personsBox.children).forEach((person) => {
			const foreign = person.querySelector('[data-name="foreign"]').checked;
			person.querySelector('[data-foreign]').hidden = !foreign;
			const category = person.querySelector('[data-name="foreignResident.category"]').value;
			person.querySelectorAll('[data-card-holder]').forEach((field) => {
				field.hidden = category !== '' && !CARD_HOLDERS.includes(category);
			});
			person.querySelectorAll('[data-mid-term]').forEach((field) => {
				field.hidden = category !== '' && category !== 'MID_TO_LONG_TERM';
			});
		});
	}

	// The card number as typed: spaces and hyphens dropped, letters in upper case.
	function cardNumber(typed) {
		return typed === null ? null : typed.replace(/[\s\-－ー]/g, '').toUpperCase()
			.replace(/[Ａ-Ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
	}

	// Checked in the page's own language before the counter's checks run.
	function checkCardNumbers() {
		let ok = true;
		Array.from(personsBox.children).forEach((person, i) => {
			const input = person.querySelector('[data-name="foreignResident.residenceCardNumber"]');
			const number = cardNumber(value('persons[' + i + '].foreignResident.residenceCardNumber'));
			const wrong = person.querySelector('[data-name="foreign"]').checked && number !== null
				&& !CARD_NUMBER.test(number);
			person.querySelector('[data-card-number-error]').hidden = !wrong;
			input.closest('.field').classList.toggle('field--error', wrong);
			if (wrong) {
				input.setAttribute('aria-invalid', 'true');
				if (ok) {
					input.focus();
				}
				ok = false;
			}
			else {
				input.removeAttribute('aria-invalid');
			}
		});
		return ok;
	}

	function foreignResident(i) {
		const field = (name) => value('persons[' + i + '].foreignResident.' + name);
		if (!checked('persons[' + i + '].foreign')) {
			return null;
		}
		const category = field('category');
		const card = category === null || CARD_HOLDERS.includes(category);
		const midTerm = category === null || category === 'MID_TO_LONG_TERM';
		return {nameAlphabet: field('nameAlphabet'), alias: null, nationality: field('nationality'),
			category: category, residenceStatus: midTerm ? field('residenceStatus') : null,
			periodOfStay: midTerm ? field('periodOfStay') : null,
			periodOfStayEndsOn: midTerm ? field('periodOfStayEndsOn') : null,
			residenceCardNumber: card ? cardNumber(field('residenceCardNumber')) : null, becameResidentOn: null};
	}

	function showForType() {
		const t = type();
		root.querySelectorAll('[data-types]').forEach((element) => {
			element.hidden = !t || !element.dataset.types.split(' ').includes(t);
		});
	}

	// --- the notification -----------------------------------------------------------------

	function address(prefix) {
		const parts = ['postalCode', 'prefecture', 'city', 'town', 'block', 'building'];
		const result = {};
		let any = false;
		parts.forEach((part) => {
			result[part] = value(prefix + '.' + part);
			any = any || result[part] !== null;
		});
		return any ? result : null;
	}

	function notification() {
		const t = type();
		const persons = Array.from(personsBox.children).map((person, i) => {
			const field = (name) => value('persons[' + i + '].' + name);
			const fact = (name) => (checked('persons[' + i + '].' + name) ? true : null);
			const foreign = foreignResident(i);
			return {
				familyName: field('familyName'), givenName: field('givenName'),
				familyNameKana: field('familyNameKana'), givenNameKana: field('givenNameKana'),
				birthDate: field('birthDate'), sex: field('sex'), relationship: field('relationship'),
				nationality: foreign ? foreign.nationality : null, foreignResident: foreign,
				facts: {
					healthInsurance: field('healthInsurance'), careCertified: fact('careCertified'),
					disabilityCertificate: fact('disabilityCertificate'), pregnant: fact('pregnant'),
					inNursery: fact('inNursery'), publicAssistance: fact('publicAssistance'),
					singleParent: fact('singleParent')
				}
			};
		});
		const wantsPrevious = t === 'MOVE_IN' || t === 'MOVE_WITHIN';
		const changing = t === 'HOUSEHOLD_CHANGE';
		return {
			type: t, variant: variant(), movedOn: value('movedOn'), filedOn: null,
			plannedMoveOutOn: (t === 'MOVE_OUT' || variant() === 'SPECIAL') ? value('plannedMoveOutOn') : null,
			newAddress: t === 'HOUSEHOLD_CHANGE' ? null : address('newAddress'),
			previousAddress: wantsPrevious ? address('previousAddress') : null,
			// A 世帯変更 names the households it moves persons between.
			household: {headName: changing ? value('household.headName') : null, newHousehold: null,
				previousHeadName: changing ? value('household.previousHeadName') : null, facts: householdFacts()},
			persons: persons,
			filer: {kind: value('filer.kind'), name: value('filer.name'), phone: value('filer.phone'),
				powerOfAttorney: null},
			identityDocuments: []
		};
	}

	function householdFacts() {
		return {hasDog: checked('q.dog') || null, hasMoped: checked('q.moped') || null,
			waterService: checked('q.water') || null};
	}

	// The guide before any person is entered: a stand-in household built from the answers
	// of step 2 (ages are what most rules look at). The real guide follows in step 5.
	function previewNotification() {
		const today = new Date();
		const bornYearsAgo = (years) => {
			const d = new Date(today.getFullYear() - years, today.getMonth(), 1);
			return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-01';
		};
		const insurance = checked('q.nhi') ? 'NHI' : 'EMPLOYEE';
		const person = (years, relationship, facts) => ({familyName: texts.previewName, givenName: null,
			birthDate: bornYearsAgo(years), sex: 'FEMALE', relationship: relationship,
			facts: Object.assign({healthInsurance: insurance}, facts)});
		const persons = [person(40, '世帯主', {disabilityCertificate: checked('q.disability') || null,
			pregnant: checked('q.pregnant') || null, publicAssistance: checked('q.assistance') || null,
			singleParent: checked('q.singleParent') || null})];
		if (checked('q.children')) {
			persons.push(person(8, '子', {}));
		}
		if (checked('q.nursery')) {
			persons.push(person(3, '子', {inNursery: true}));
		}
		if (checked('q.foreign')) {
			// A person who came with a residence card (中長期在留者) whose stay is not near its end.
			const later = new Date(today.getFullYear() + 1, today.getMonth(), 1);
			persons[0].foreignResident = {nameAlphabet: null, nationality: null, category: 'MID_TO_LONG_TERM',
				periodOfStayEndsOn: later.toISOString().slice(0, 10)};
		}
		if (checked('q.elderly') || checked('q.care')) {
			persons.push(person(75, '母', {healthInsurance: 'LATE_ELDERLY', careCertified: checked('q.care') || null}));
		}
		const t = type();
		return {type: t, variant: variant(), movedOn: null, filedOn: null, plannedMoveOutOn: null,
			newAddress: null, previousAddress: null,
			household: {headName: null, newHousehold: null, facts: householdFacts()}, persons: persons,
			filer: {kind: 'SELF'}, identityDocuments: []};
	}

	// --- server calls ---------------------------------------------------------------------

	async function post(url, body) {
		const response = await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json',
			'Accept': 'application/json'}, body: JSON.stringify(body)});
		const answer = await response.json().catch(() => ({}));
		return {ok: response.ok, status: response.status, body: answer};
	}

	function networkError(show) {
		root.querySelector('[data-error="network"]').hidden = !show;
	}

	// The guide API answers each procedure's texts in the page's language (?lang=):
	// the master's translation, else English, else Japanese (procedure.resident).
	function residentTexts(procedure) {
		if (procedure.resident) {
			return procedure.resident;
		}
		return {name: lang === 'ja' ? procedure.name : (procedure.nameEn || procedure.name),
			documents: procedure.documents, explanation: procedure.explanation, fallbacks: {}};
	}

	function element(tag, className, text) {
		const e = document.createElement(tag);
		if (className) {
			e.className = className;
		}
		if (text !== undefined && text !== null) {
			e.textContent = text;
		}
		return e;
	}

	function renderGuide(box, guide) {
		box.replaceChildren();
		if (!guide.procedures || guide.procedures.length === 0) {
			box.appendChild(element('p', null, texts.guideNone));
			return;
		}
		const list = element('ol', 'prefiling__procedures');
		guide.procedures.forEach((procedure) => {
			const item = element('li', 'prefiling__procedure');
			item.dataset.procedure = procedure.code;
			const local = residentTexts(procedure);
			const heading = element('h3', 'prefiling__procedure-name', local.name);
			if (local.fallbacks && local.fallbacks.name) {
				heading.lang = local.fallbacks.name;
			}
			item.appendChild(heading);
			if (local.explanation) {
				const explanation = element('p', null, local.explanation);
				if (local.fallbacks && local.fallbacks.explanation) {
					explanation.lang = local.fallbacks.explanation;
				}
				item.appendChild(explanation);
			}
			const details = element('dl', 'summary-list');
			const row = (key, content) => {
				const r = element('div', 'summary-list__row');
				r.appendChild(element('dt', 'summary-list__key', key));
				const dd = element('dd', 'summary-list__value');
				dd.appendChild(content);
				r.appendChild(dd);
				details.appendChild(r);
			};
			row(texts.guideWhere, document.createTextNode(procedure.counter + ' ' + procedure.department));
			if (local.documents.length > 0) {
				const documents = element('ul');
				local.documents.forEach((d, i) => {
					const entry = element('li', null, d);
					const shown = local.fallbacks && local.fallbacks['documents.' + i];
					if (shown) {
						entry.lang = shown;
					}
					documents.appendChild(entry);
				});
				row(texts.guideBring, documents);
			}
			item.appendChild(details);
			list.appendChild(item);
		});
		box.appendChild(list);
	}

	async function showGuide(box, body) {
		try {
			const answer = await post(guideApi + '?lang=' + encodeURIComponent(lang), body);
			networkError(false);
			if (answer.ok) {
				renderGuide(box, answer.body);
			}
			return answer.ok;
		}
		catch (e) {
			networkError(true);
			return false;
		}
	}

	function fieldId(path) {
		return path.replace(/\[(\d+)\]/g, '$1');
	}

	function showFindings(findings) {
		const box = root.querySelector('[data-findings]');
		const list = root.querySelector('[data-findings-list]');
		list.replaceChildren();
		root.querySelectorAll('.field--error').forEach((f) => f.classList.remove('field--error'));
		const shown = findings.filter((f) => f.severity !== 'INFO');
		shown.forEach((finding) => {
			const item = element('li', 'prefiling__finding prefiling__finding--' + finding.severity.toLowerCase());
			item.dataset.code = finding.code;
			const target = document.getElementById(fieldId(finding.field))
				|| document.getElementById(fieldId(finding.field).split('.')[0]);
			if (target) {
				const link = element('a', null, finding.message);
				link.href = '#' + target.id;
				item.appendChild(link);
				const field = target.closest('.field');
				if (field && finding.severity === 'ERROR') {
					field.classList.add('field--error');
				}
			}
			else {
				item.textContent = finding.message;
			}
			list.appendChild(item);
		});
		box.hidden = shown.length === 0;
		if (shown.length > 0) {
			box.focus();
		}
	}

	async function check() {
		let answer;
		try {
			// The API answers in the page's language, asked for by name (ja, easy, en, zh, ko,
			// vi, pt): every finding a resident can meet is translated (i18n/moving-findings).
			answer = await post(api + '/check' + (lang === 'ja' ? '' : '?lang=' + encodeURIComponent(lang)),
				notification());
			networkError(false);
		}
		catch (e) {
			networkError(true);
			return false;
		}
		if (!answer.ok) {
			const errors = (answer.body.errors || []).map((e) => ({code: answer.body.code, severity: 'ERROR',
				field: e.field || '', message: e.message || answer.body.detail}));
			showFindings(errors.length > 0 ? errors : [{code: answer.body.code, severity: 'ERROR', field: '',
				message: answer.body.detail || texts.tooLarge}]);
			return false;
		}
		showFindings(answer.body.findings);
		return !answer.body.findings.some((f) => f.severity === 'ERROR');
	}

	async function makeCodes() {
		const box = root.querySelector('[data-codes]');
		box.replaceChildren();
		let answer;
		try {
			answer = await post(api, notification());
			networkError(false);
		}
		catch (e) {
			networkError(true);
			return false;
		}
		if (!answer.ok) {
			showFindings([{code: answer.body.code, severity: 'ERROR', field: '', message: answer.body.detail
				|| texts.tooLarge}]);
			return false;
		}
		const parts = answer.body.parts;
		root.querySelector('[data-parts-note]').hidden = parts.length < 2;
		parts.forEach((part, i) => {
			const figure = element('figure', 'prefiling__code');
			const label = texts.codeLabel.replace('{0}', String(i + 1)).replace('{1}', String(parts.length));
			const image = element('img', 'prefiling__qr');
			image.src = part.qrPng;
			image.alt = label;
			image.dataset.payload = part.payload;
			figure.appendChild(image);
			const caption = element('figcaption', null, parts.length > 1 ? label : null);
			const save = element('a', 'button button--tertiary button--small prefiling__no-print', texts.codeSave);
			save.href = part.qrPng;
			save.download = 'madoguchi-qr-' + (i + 1) + '.png';
			caption.appendChild(save);
			figure.appendChild(caption);
			box.appendChild(figure);
		});
		await showGuide(root.querySelector('[data-final-guide]'), notification());
		return true;
	}

	// --- steps ----------------------------------------------------------------------------

	function show(next) {
		step = next;
		root.querySelectorAll('[data-step]').forEach((section) => {
			section.hidden = Number(section.dataset.step) !== step;
		});
		root.querySelectorAll('[data-progress]').forEach((item) => {
			item.classList.toggle('is-current', Number(item.dataset.progress) === step);
			item.classList.toggle('is-done', Number(item.dataset.progress) < step);
		});
		const heading = root.querySelector('[data-step="' + step + '"] h2');
		if (heading) {
			heading.focus();
		}
		save();
	}

	async function next() {
		if (step === 1) {
			const missing = !type();
			root.querySelector('[data-error="type"]').hidden = !missing;
			if (missing) {
				return;
			}
			showForType();
		}
		if (step === 2) {
			showFacts();
			if (!await showGuide(root.querySelector('[data-guide]'), previewNotification())) {
				return;
			}
		}
		if (step === 3 && personsBox.children.length === 0) {
			const first = addPerson();
			first.querySelector('[data-name="relationship"]').value = '世帯主';
		}
		if (step === 4 && !(checkCardNumbers() && await check() && await makeCodes())) {
			return;
		}
		show(Math.min(step + 1, 5));
	}

	// --- the draft in this browser ----------------------------------------------------------

	function save() {
		if (kiosk) {
			return;
		}
		const draft = {step: step, persons: personsBox.children.length, fields: {}};
		Array.from(form.elements).forEach((field) => {
			if (!field.name || field.type === 'hidden') {
				return;
			}
			if (field.type === 'radio') {
				if (field.checked) {
					draft.fields[field.name] = field.value;
				}
			}
			else if (field.type === 'checkbox') {
				draft.fields[field.name] = field.checked;
			}
			else {
				draft.fields[field.name] = field.value;
			}
		});
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
		}
		catch (e) {
			// Private browsing or a full storage: the wizard still works, only without a draft.
		}
	}

	function restore() {
		if (kiosk) {
			return;
		}
		let draft = null;
		try {
			draft = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
		}
		catch (e) {
			draft = null;
		}
		if (!draft || typeof draft !== 'object' || !draft.fields) {
			return;
		}
		for (let i = 0; i < Math.min(Number(draft.persons) || 0, maxPersons); i++) {
			addPerson();
		}
		Object.entries(draft.fields).forEach(([name, stored]) => {
			const fields = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
			fields.forEach((field) => {
				if (field.type === 'radio') {
					field.checked = field.value === stored;
				}
				else if (field.type === 'checkbox') {
					field.checked = stored === true;
				}
				else {
					field.value = typeof stored === 'string' ? stored : '';
				}
			});
		});
		showForType();
		showFacts();
		showForeign();
		// Back to the data entry at most: the codes and the guide are made again from it.
		show(Math.min(Number(draft.step) || 1, 4));
	}

	function deleteDraft() {
		try {
			localStorage.removeItem(STORAGE_KEY);
		}
		catch (e) {
			// Nothing stored.
		}
		form.reset();
		personsBox.replaceChildren();
		root.querySelector('[data-codes]').replaceChildren();
		root.querySelector('[data-findings]').hidden = true;
		showForType();
		step = 1;
		show(1);
		try {
			localStorage.removeItem(STORAGE_KEY);
		}
		catch (e) {
			// Nothing stored.
		}
		const deleted = root.querySelector('[data-deleted]');
		if (deleted) {
			deleted.hidden = false;
		}
	}

	root.addEventListener('click', (event) => {
		const button = event.target.closest('[data-action]');
		if (!button) {
			return;
		}
		const action = button.dataset.action;
		if (action === 'next') {
			next();
		}
		else if (action === 'back') {
			show(Math.max(1, step === 5 ? 4 : step - 1));
		}
		else if (action === 'add-person') {
			const person = addPerson();
			if (person) {
				person.querySelector('input').focus();
			}
			save();
		}
		else if (action === 'remove-person') {
			button.closest('[data-person]').remove();
			renumber();
			save();
		}
		else if (action === 'print') {
			window.print();
		}
		else if (action === 'delete-draft' || action === 'restart') {
			deleteDraft();
		}
	});
	form.addEventListener('change', (event) => {
		if (event.target.name === 'type') {
			showForType();
			root.querySelector('[data-error="type"]').hidden = true;
		}
		if (event.target.name && event.target.name.startsWith('q.')) {
			showFacts();
		}
		if (event.target.dataset && (event.target.dataset.name === 'foreign'
			|| event.target.dataset.name === 'foreignResident.category')) {
			showForeign();
		}
		save();
	});
	form.addEventListener('input', save);
	form.addEventListener('submit', (event) => event.preventDefault());

	showForType();
	restore();
	if (kiosk) {
		document.body.classList.add('kiosk');
		// A writing-desk terminal is shared: what a resident left behind is wiped after
		// three idle minutes.
		let idle = null;
		const wipeLater = () => {
			clearTimeout(idle);
			idle = setTimeout(deleteDraft, 180000);
		};
		['input', 'change', 'click', 'touchstart'].forEach((name) => document.addEventListener(name, wipeLater));
	}
})();
