// Procedure guide pages. Inline handlers are forbidden by the CSP, so the print button of the
// guide sheet (手続き案内票) is wired here; without JavaScript the browser's print works as well.
document.addEventListener('click', (event) => {
	if (event.target.closest('[data-print]')) {
		window.print();
	}
});
