// 私の番号 (the resident's ticket on their phone). Follows the ticket's event stream: each
// "progress" event redraws the page; three numbers ahead and when called, the phone vibrates
// and two tones sound (after the resident pressed the button: browsers start audio only
// after a gesture). The stream is followed by live.js. Alerts already given are remembered
// for the page's session.
(() => {
	const root = document.querySelector('[data-my-ticket]');
	if (!root) {
		return;
	}
	const data = root.dataset;
	const ticket = data.myTicket;
	const headline = root.querySelector('[data-headline]');
	const state = root.querySelector('[data-state]');
	const queue = root.querySelector('[data-queue]');
	const ahead = root.querySelector('[data-ahead]');
	const estimate = root.querySelector('[data-estimate]');
	const counter = root.querySelector('[data-counter]');
	const at = root.querySelector('[data-at]');
	const stale = root.querySelector('[data-stale]');
	const staleText = root.querySelector('[data-stale-text]');
	const alertsButton = root.querySelector('[data-alerts]');
	const alertsOn = root.querySelector('[data-alerts-on]');
	const english = data.lang === 'en';
	const SOON = 3;
	let audio = null;
	let alertsEnabled = false;

	function given(kind) {
		try {
			return sessionStorage.getItem('madoguchi-ticket-' + ticket + '-' + kind) === '1';
		} catch (e) {
			return false;
		}
	}

	function remember(kind) {
		try {
			sessionStorage.setItem('madoguchi-ticket-' + ticket + '-' + kind, '1');
		} catch (e) {
			// private mode: the alert may come again after a reload
		}
	}

	function fill(template, value) {
		return template.replace('{0}', String(value));
	}

	function time(instant) {
		const d = new Date(instant);
		const pad = (n) => String(n).padStart(2, '0');
		return pad(d.getHours()) + ':' + pad(d.getMinutes());
	}

	alertsButton.addEventListener('click', () => {
		if (!audio) {
			audio = MadoguchiLive.audioContext();
		}
		if (audio) {
			audio.resume();
		}
		alertsEnabled = true;
		alertsButton.setAttribute('aria-pressed', 'true');
		alertsButton.classList.add('is-hidden');
		alertsOn.classList.remove('is-hidden');
	});

	function tones(pattern) {
		MadoguchiLive.tones(audio, pattern, 0.5, 1.0);
	}

	function alert(kind) {
		if (given(kind)) {
			return;
		}
		remember(kind);
		root.dataset.alerted = kind;
		if (!alertsEnabled) {
			return;
		}
		if (navigator.vibrate) {
			navigator.vibrate(kind === 'called' ? [400, 200, 400, 200, 400] : [300, 150, 300]);
		}
		tones(kind === 'called' ? [[659.25, 0], [523.25, 0.45], [659.25, 0.9], [523.25, 1.35]] : [[523.25, 0], [659.25, 0.4]]);
	}

	function render(progress) {
		state.dataset.value = progress.state;
		const texts = { WAITING: data.textWaiting, CALLED: data.textCalled, NOT_IN_LINE: data.textNotInLine };
		headline.textContent = texts[progress.state] || data.textUnknown;
		queue.textContent = (english ? progress.queueNameEn : progress.queueName) || '—';
		counter.textContent = (english ? progress.counterNameEn : progress.counterName) || '—';
		if (progress.state === 'WAITING') {
			ahead.textContent = fill(data.textAhead, progress.ahead);
			estimate.textContent = fill(data.textEstimate, progress.estimatedWaitMinutes);
			if (progress.ahead <= SOON) {
				headline.textContent = data.textSoon;
				alert('soon');
			}
		} else {
			ahead.textContent = '—';
			estimate.textContent = '—';
		}
		if (progress.state === 'CALLED') {
			alert('called');
		}
		if (progress.statusAt) {
			if (at) {
				at.textContent = fill(data.textAt, time(progress.statusAt));
			}
			staleText.textContent = fill(data.textStale, time(progress.statusAt));
		}
		stale.classList.toggle('is-hidden', progress.current);
	}

	MadoguchiLive.follow(data.events, { progress: render });
})();
