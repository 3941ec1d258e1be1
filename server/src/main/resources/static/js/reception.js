// Reception pages: the print button of the slip and ticket (inline handlers are forbidden
// by the CSP); without JavaScript the browser's own print works as well.
document.addEventListener('click', (event) => {
	if (event.target.closest('[data-print]')) {
		window.print();
	}
});
