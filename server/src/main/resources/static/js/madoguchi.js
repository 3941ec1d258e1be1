// Behaviour for every page. Inline scripts are forbidden by the CSP, so it all lives here;
// every page works without it, this only makes keyboard and screen-reader use smoother.

// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', (event) => {
	const token = document.querySelector('meta[name="_csrf"]');
	const header = document.querySelector('meta[name="_csrf_header"]');
	if (token && header) {
		event.detail.headers[header.content] = token.content;
	}
});

// The error summary takes the focus when it appears, so that it is read first.
function focusErrorSummary(root) {
	const summary = root.querySelector('[data-error-summary], .error-summary[tabindex]');
	if (summary) {
		summary.focus();
	}
}

// A link in the error summary focuses its field. When the target is a fieldset (a checkbox
// group) the first control inside it gets the focus; the label or legend is scrolled into
// view too, because browsers scroll only to the control and hide its question.
function followErrorLink(event) {
	const link = event.target.closest('.error-summary a[href^="#"]');
	if (!link) {
		return;
	}
	const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
	if (!target) {
		return;
	}
	const control = target.matches('input, select, textarea, button')
		? target
		: target.querySelector('input:not([type="hidden"]), select, textarea, button');
	if (!control) {
		return;
	}
	event.preventDefault();
	const field = control.closest('.field') || control;
	field.scrollIntoView({ block: 'start' });
	control.focus({ preventScroll: true });
}

document.addEventListener('DOMContentLoaded', () => focusErrorSummary(document));
document.addEventListener('htmx:afterSettle', (event) => focusErrorSummary(event.detail.elt));
document.addEventListener('click', followErrorLink);

// Postal code lookup: typing a 7-digit code into any "<prefix>.postalCode" field fills the
// prefecture, city and town of the same address when the code names exactly one town.
// Staff keep the last word: a field they already filled differently is not overwritten.
async function lookUpPostalCode(event) {
	const input = event.target;
	if (!input.name || !input.name.endsWith('.postalCode')) {
		return;
	}
	const digits = input.value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFEE0)).replace(/\D/g, '');
	if (digits.length !== 7) {
		return;
	}
	const prefix = input.name.slice(0, -'.postalCode'.length);
	const response = await fetch('/api/v1/addresses?postalCode=' + digits, { headers: { Accept: 'application/json' } });
	if (!response.ok) {
		return;
	}
	const found = (await response.json()).addresses;
	if (!Array.isArray(found) || found.length !== 1) {
		return;
	}
	for (const part of ['prefecture', 'city', 'town']) {
		const field = input.form.elements.namedItem(prefix + '.' + part);
		if (field && (field.value === '' || field.dataset.filledByLookup === 'true')) {
			field.value = found[0][part] || '';
			field.dataset.filledByLookup = 'true';
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
	}
}

document.addEventListener('change', lookUpPostalCode);
