// Pairing a call display: the administrator's URL carries the one-time code in its fragment
// (/display/pair#<code>), which browsers never send to a server. Put it in the form, drop it
// from the address bar and submit once; without a fragment, someone types the code.
(() => {
	const form = document.querySelector('[data-display-pair]');
	if (!form) {
		return;
	}
	const code = decodeURIComponent(window.location.hash.replace(/^#/, ''));
	if (code && !document.querySelector('[role="alert"]')) {
		form.querySelector('input[name="code"]').value = code;
		history.replaceState(null, '', window.location.pathname);
		form.submit();
	}
})();
