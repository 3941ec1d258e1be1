// The 異体字 picker (fragments/components/variant-picker.html, docs/ui-components.md).
// A button inside a name field's .field opens a dialog; the character typed or pasted there
// is looked up in the print font (GET /api/v1/characters/variations), every sequence the
// font lists is shown as the server-drawn glyph with its code points, and the one chosen
// replaces the character before the caret (or the selection) in the field. The server
// only offers what the font holds, so a picked name always prints.
(() => {
	const dialog = document.getElementById('variant-picker');
	if (!dialog || typeof dialog.showModal !== 'function') {
		return;
	}
	const baseInput = dialog.querySelector('[data-variant-base]');
	const list = dialog.querySelector('[data-variant-list]');
	const status = dialog.querySelector('[data-variant-status]');
	let field = null;
	let range = null;
	let request = 0;

	document.documentElement.classList.add('variant-picker-ready');

	const isSelector = (cp) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

	const format = (template, ...values) => template.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);

	// The character (a base, with its selector if it has one) that ends at `end` in `text`.
	function characterBefore(text, end) {
		const before = Array.from(text.slice(0, end));
		if (before.length === 0) {
			return null;
		}
		let count = 1;
		if (isSelector(before[before.length - 1].codePointAt(0)) && before.length > 1) {
			count = 2;
		}
		const character = before.slice(before.length - count).join('');
		return { start: end - character.length, end, text: character };
	}

	function open(input) {
		field = input;
		const start = input.selectionStart ?? input.value.length;
		const end = input.selectionEnd ?? start;
		if (end > start) {
			range = { start, end, text: input.value.slice(start, end), selection: true };
		}
		else {
			range = characterBefore(input.value, start) || { start, end: start, text: '' };
		}
		const selected = Array.from(range.text.trim());
		baseInput.value = selected.length > 0 && selected.length <= 2 ? range.text.trim() : '';
		dialog.showModal();
		baseInput.focus();
		baseInput.select();
		lookUp();
	}

	async function lookUp() {
		const base = baseInput.value.trim();
		const mine = ++request;
		list.replaceChildren();
		if (base === '') {
			status.textContent = '';
			return;
		}
		let answer;
		try {
			answer = await fetch(dialog.dataset.api + '?base=' + encodeURIComponent(base),
				{ headers: { Accept: 'application/json' }, credentials: 'same-origin' });
		}
		catch (error) {
			answer = null;
		}
		if (mine !== request) {
			return;
		}
		if (!answer || [401, 403, 404].includes(answer.status) || answer.status >= 500) {
			status.textContent = dialog.dataset.textUnavailable;
			return;
		}
		const body = await answer.json().catch(() => ({}));
		if (mine !== request) {
			return;
		}
		if (!answer.ok) {
			// 422: the server names what the font lacks, in the page's language
			status.textContent = body.detail || dialog.dataset.textUnavailable;
			return;
		}
		show(body);
	}

	function show(body) {
		if (body.variations.length === 0) {
			status.textContent = format(dialog.dataset.textNone, body.base);
			return;
		}
		const choices = [{ sequence: body.base, codePoints: body.codePoint, glyph: body.glyph, plain: true }]
			.concat(body.variations);
		for (const choice of choices) {
			const item = document.createElement('li');
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'variant-picker__choice';
			button.dataset.sequence = choice.sequence;
			button.dataset.codePoints = choice.codePoints;
			const image = document.createElement('img');
			image.className = 'variant-picker__glyph';
			image.src = choice.glyph;
			image.alt = '';
			image.width = 64;
			image.height = 64;
			const label = document.createElement('span');
			label.className = 'variant-picker__code';
			label.textContent = choice.codePoints;
			button.append(image, label);
			if (choice.plain) {
				const note = document.createElement('span');
				note.className = 'variant-picker__note';
				note.textContent = dialog.dataset.textPlain;
				button.append(note);
			}
			item.append(button);
			list.append(item);
		}
		status.textContent = format(dialog.dataset.textCount, body.base, choices.length);
	}

	function pick(button) {
		const sequence = button.dataset.sequence;
		const pickedBase = String.fromCodePoint(sequence.codePointAt(0));
		const value = field.value;
		let { start, end } = range;
		// Without a selection, the character before the caret is replaced only when it has
		// the picked base (辻 becomes 辻󠄂); otherwise the pick is inserted at the caret.
		if (!range.selection && range.text !== '' && String.fromCodePoint(range.text.codePointAt(0)) !== pickedBase) {
			start = end;
		}
		field.value = value.slice(0, start) + sequence + value.slice(end);
		const caret = start + sequence.length;
		dialog.close();
		field.focus();
		field.setSelectionRange(caret, caret);
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
		const announce = document.querySelector('[data-variant-announce]');
		if (announce) {
			announce.textContent = format(dialog.dataset.textPicked, sequence, button.dataset.codePoints);
		}
	}

	// "異体字（氏）": the button names its field, since every name field has one. Buttons the
	// wizard adds later (one set per person) are named when they get the focus.
	function name(button) {
		const label = button.closest('.field, .form-field')?.querySelector('label')?.cloneNode(true);
		label?.querySelectorAll('.field__required').forEach((marker) => marker.remove());
		const text = label ? label.textContent.replace(/\s+/g, ' ').trim() : '';
		if (text && !button.hasAttribute('aria-label')) {
			button.setAttribute('aria-label', button.textContent.trim() + '（' + text + '）');
		}
	}
	document.querySelectorAll('[data-variant-open]').forEach(name);
	document.addEventListener('focusin', (event) => {
		if (event.target.matches && event.target.matches('[data-variant-open]')) {
			name(event.target);
		}
	});

	document.addEventListener('click', (event) => {
		const opener = event.target.closest('[data-variant-open]');
		if (!opener) {
			return;
		}
		const input = opener.closest('.field, .form-field')?.querySelector('input:not([type="hidden"]), textarea');
		if (input) {
			event.preventDefault();
			open(input);
		}
	});

	baseInput.addEventListener('input', lookUp);
	// Enter in the character field moves to the first glyph instead of submitting anything.
	baseInput.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' || event.key === 'ArrowDown') {
			const first = list.querySelector('button');
			if (first) {
				event.preventDefault();
				first.focus();
			}
		}
	});

	list.addEventListener('click', (event) => {
		const button = event.target.closest('.variant-picker__choice');
		if (button) {
			pick(button);
		}
	});

	// Arrow keys move between the glyphs; Home and End jump to the ends.
	list.addEventListener('keydown', (event) => {
		const buttons = Array.from(list.querySelectorAll('button'));
		const at = buttons.indexOf(document.activeElement);
		if (at < 0) {
			return;
		}
		const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0,
			End: buttons.length - 1 };
		if (event.key in moves) {
			event.preventDefault();
			const next = Math.max(0, Math.min(buttons.length - 1, moves[event.key]));
			buttons[next].focus();
		}
	});

	dialog.querySelector('[data-variant-close]').addEventListener('click', () => dialog.close());
	dialog.addEventListener('close', () => {
		request++;
		if (field && document.activeElement !== field) {
			field.focus();
		}
	});
})();
