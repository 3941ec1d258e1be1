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
