// The counter's scan field (templates/fragments/prefiling-scan.html). A keyboard-wedge QR reader
// types the code and Enter. One code: Enter submits. Several codes (part header "P", number,
// count, id, length: docs/prefiling.md): Enter submits once every part is there, and until
// then the field says which parts are still missing. Without this script staff press the
// button; the server accepts the same text.
(() => {
	'use strict';

	const HEADER = 10;

	// {total, seen: Set} of the parts in the text, or null for one whole payload.
	function parts(typed) {
		const text = typed.replace(/\s+/g, '').toUpperCase();
		if (!text.startsWith('P')) {
			return null;
		}
		const seen = new Set();
		let total = 0;
		let at = 0;
		while (at + HEADER <= text.length && text.charAt(at) === 'P') {
			const number = Number(text.charAt(at + 1));
			total = Number(text.charAt(at + 2)) || total;
			const length = parseInt(text.substring(at + 7, at + HEADER), 36);
			if (!(length > 0) || at + HEADER + length > text.length) {
				break;
			}
			seen.add(number);
			at += HEADER + length;
		}
		return {total: total, seen: seen};
	}

	function setUp(form) {
		const field = form.querySelector('textarea[name="payload"]');
		const status = form.querySelector('[data-scan-status]');
		if (!field) {
			return;
		}
		field.addEventListener('keydown', (event) => {
			if (event.key !== 'Enter' || event.shiftKey || field.value.trim() === '') {
				return;
			}
			const found = parts(field.value);
			if (found === null || (found.total > 0 && found.seen.size >= found.total)) {
				event.preventDefault();
				status.textContent = form.dataset.complete;
				form.requestSubmit();
				return;
			}
			// Keep the line break: the next code follows on its own line.
			const missing = [];
			for (let i = 1; i <= found.total; i++) {
				if (!found.seen.has(i)) {
					missing.push(i);
				}
			}
			status.textContent = form.dataset.progress.replace('{0}', String(found.seen.size))
				.replace('{1}', String(found.total)).replace('{2}', missing.join('・'));
		});
		form.dataset.scanReady = 'true';
	}

	document.querySelectorAll('[data-prefiling-scan]').forEach(setUp);
})();
