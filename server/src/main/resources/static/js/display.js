// 呼出表示 (call display). Follows the queue's event stream (live.js): a "snapshot" on every
// (re)connection shows who is called now, each "called" event puts the ticket on top and
// chimes.
(() => {
	const root = document.querySelector('[data-display]');
	if (!root) {
		return;
	}
	const list = root.querySelector('[data-calls]');
	const none = root.querySelector('[data-none]');
	const template = root.querySelector('[data-call-template]');
	const online = root.querySelector('[data-online]');
	const offline = root.querySelector('[data-offline]');
	const soundButton = root.querySelector('[data-sound]');
	const shown = 6;
	let audio = null;

	// Browsers start audio only after a gesture: the button (or any key) unlocks it. Kiosk
	// browsers can be started with --autoplay-policy=no-user-gesture-required instead.
	function unlockAudio() {
		if (!audio) {
			audio = MadoguchiLive.audioContext();
			if (!audio) {
				return;
			}
		}
		audio.resume();
		soundButton.classList.add('is-hidden');
	}
	soundButton.addEventListener('click', unlockAudio);
	document.addEventListener('keydown', unlockAudio);

	// ピンポーン: two soft sine tones, E5 then C5.
	function chime() {
		MadoguchiLive.tones(audio, [[659.25, 0], [523.25, 0.45]], 0.4, 1.2);
	}

	function item(call) {
		const li = template.content.firstElementChild.cloneNode(true);
		li.dataset.ticket = String(call.ticketNumber);
		li.querySelector('.display__ticket').textContent = String(call.ticketNumber);
		li.querySelector('[data-name]').textContent = call.counterName || call.counter;
		// The counter's name in each language the screen rotates through (counterNames:
		// its translation, else English, else Japanese), showing the current one.
		li.querySelectorAll('[data-name-in]').forEach((e) => {
			const names = call.counterNames || {};
			e.textContent = names[e.dataset.nameIn] || call.counterNameEn || '';
			e.classList.toggle('is-hidden', Number(e.dataset.rotate) !== language);
		});
		return li;
	}

	function markLatest() {
		list.querySelectorAll('.display__call').forEach((li, index) => {
			li.classList.toggle('display__call--latest', index === 0);
		});
		none.classList.toggle('is-hidden', list.children.length > 0);
	}

	function render(calls) {
		list.replaceChildren(...calls.slice(0, shown).map(item));
		markLatest();
	}

	function add(call) {
		list.querySelectorAll('.display__call').forEach((li) => {
			if (li.dataset.ticket === String(call.ticketNumber)) {
				li.remove();
			}
		});
		list.prepend(item(call));
		while (list.children.length > shown) {
			list.lastElementChild.remove();
		}
		markLatest();
		chime();
	}

	function connected(yes) {
		online.classList.toggle('is-hidden', !yes);
		offline.classList.toggle('is-hidden', yes);
	}

	// The waiting count and estimate in the footer: refreshed from the page every minute.
	async function refreshStats() {
		try {
			const response = await fetch(root.dataset.page, { credentials: 'same-origin' });
			if (response.ok) {
				const page = new DOMParser().parseFromString(await response.text(), 'text/html');
				const fresh = page.querySelector('[data-stats]');
				if (fresh) {
					root.querySelector('[data-stats]').replaceWith(fresh);
				}
			}
		} catch (ignored) {
			// offline: the stream's reconnection shows it; try again next minute
		}
	}

	// Below the Japanese, the other languages take turns (English, 中文, 한국어, Tiếng Việt,
	// Português): every element with data-rotate="<index>" shows while its index is current.
	let language = 0;
	function rotate() {
		const all = root.querySelectorAll('[data-rotate]');
		const count = new Set(Array.from(all, (e) => e.dataset.rotate)).size;
		if (count > 0) {
			language = (language + 1) % count;
			all.forEach((e) => e.classList.toggle('is-hidden', Number(e.dataset.rotate) !== language));
		}
	}

	MadoguchiLive.follow(root.dataset.events, { snapshot: render, called: add }, connected);
	setInterval(refreshStats, 60000);
	setInterval(rotate, 6000);
})();
