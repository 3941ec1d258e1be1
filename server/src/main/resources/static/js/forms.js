// The signature pad of the pen tablet page. Pointer Events give pen, touch and mouse alike,
// with the pen's pressure; points are kept as vectors normalised to the pad (0..1), so the
// signature prints the same at any size. The page sends the content hash it showed: if the
// notification changed meanwhile the server refuses, and the resident checks and signs again.
(() => {
	const pad = document.querySelector('[data-signature-pad]');
	if (!pad) {
		return;
	}
	const canvas = pad.querySelector('canvas');
	const context = canvas.getContext('2d');
	const status = pad.querySelector('[data-signature-status]');
	const strokes = [];
	let current = null;

	function point(event) {
		const box = canvas.getBoundingClientRect();
		const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
		const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
		// a mouse reports 0.5 while pressed; a pen its real pressure
		const pressure = event.pressure > 0 ? event.pressure : 0.5;
		return [round(x), round(y), round(pressure)];
	}

	function round(value) {
		return Math.round(value * 10000) / 10000;
	}

	function draw(from, to) {
		context.lineCap = 'round';
		context.lineJoin = 'round';
		context.strokeStyle = '#000';
		context.lineWidth = 2 + 6 * ((from[2] + to[2]) / 2);
		context.beginPath();
		context.moveTo(from[0] * canvas.width, from[1] * canvas.height);
		context.lineTo(to[0] * canvas.width, to[1] * canvas.height);
		context.stroke();
	}

	canvas.addEventListener('pointerdown', (event) => {
		event.preventDefault();
		canvas.setPointerCapture(event.pointerId);
		current = [point(event)];
		strokes.push(current);
	});
	canvas.addEventListener('pointermove', (event) => {
		if (!current) {
			return;
		}
		const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
		for (const e of events) {
			const next = point(e);
			draw(current[current.length - 1], next);
			current.push(next);
		}
	});
	const end = () => {
		current = null;
	};
	canvas.addEventListener('pointerup', end);
	canvas.addEventListener('pointercancel', end);

	pad.querySelector('[data-signature-clear]').addEventListener('click', () => {
		strokes.length = 0;
		context.clearRect(0, 0, canvas.width, canvas.height);
		status.textContent = '';
	});

	pad.querySelector('[data-signature-submit]').addEventListener('click', async () => {
		const drawn = strokes.filter((s) => s.length > 1);
		// who signs now (the page lists each person the forms ask to sign); an empty value is a
		// signature for the notification as a whole
		const chosen = document.querySelector('input[name="signer"]:checked');
		const signer = chosen && chosen.value ? chosen : null;
		if (drawn.length === 0) {
			status.textContent = pad.dataset.messageEmpty;
			return;
		}
		const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
		const token = document.querySelector('meta[name="_csrf"]');
		const header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			headers[header.content] = token.content;
		}
		const response = await fetch(pad.dataset.url, {
			method: 'POST',
			headers,
			credentials: 'same-origin',
			body: JSON.stringify(signer
				? { contentHash: pad.dataset.contentHash, strokes: drawn, signer: signer.value }
				: { contentHash: pad.dataset.contentHash, strokes: drawn }),
		});
		if (response.ok) {
			status.textContent = pad.dataset.messageSaved;
			if (signer) {
				// walk on: this person has signed, the next one still to sign is chosen
				signer.dataset.signed = 'true';
				const state = signer.parentElement.querySelector('[data-signer-state]');
				if (state) {
					state.textContent = pad.dataset.messageSigned;
				}
				const next = document.querySelector('input[name="signer"][data-signed="false"]');
				if (next) {
					next.checked = true;
					strokes.length = 0;
					context.clearRect(0, 0, canvas.width, canvas.height);
				}
			}
			return;
		}
		const problem = await response.json().catch(() => ({}));
		status.textContent = problem.detail || pad.dataset.messageError;
	});
})();
