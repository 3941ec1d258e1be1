// 待ち状況 (every queue at a glance, public site and hall screen). Follows the status stream:
// each "status" event redraws the table and says whether the status is current.
(() => {
	const root = document.querySelector('[data-queue-status]');
	if (!root) {
		return;
	}
	const data = root.dataset;
	const english = data.en === 'true';
	const rows = root.querySelector('[data-rows]');
	const stale = root.querySelector('[data-stale]');
	const staleText = root.querySelector('[data-stale-text]');
	const at = root.querySelector('[data-at]');

	function fill(template, ...values) {
		return values.reduce((text, value, index) => text.replace('{' + index + '}', String(value)), template);
	}

	function time(instant) {
		const d = new Date(instant);
		const pad = (n) => String(n).padStart(2, '0');
		return pad(d.getHours()) + ':' + pad(d.getMinutes());
	}

	function cell(tag, text, label) {
		const element = document.createElement(tag);
		element.textContent = text;
		if (label) {
			element.dataset.label = label;
		}
		return element;
	}

	function row(queue) {
		const tr = document.createElement('tr');
		tr.dataset.queue = queue.code;
		const name = cell('th', english ? queue.nameEn : queue.name);
		name.scope = 'row';
		const calling = cell('td', queue.calledNow.length ? queue.calledNow.map((c) => c.ticketNumber).join(' ') : '—',
			data.labelCalling);
		calling.className = 'queue-status__calling';
		const typical = cell('td', '', data.labelTypical);
		if (queue.typicalWaits.length) {
			const list = document.createElement('ul');
			list.className = 'queue-status__typical';
			queue.typicalWaits.forEach((w) => list.appendChild(cell('li', fill(data.textHour, w.hour, w.minutes))));
			typical.appendChild(list);
		} else {
			typical.textContent = '—';
		}
		tr.append(name, calling, cell('td', String(queue.waiting.length), data.labelWaiting),
			cell('td', fill(data.textMinutes, queue.estimatedWaitMinutes), data.labelEstimate), typical);
		return tr;
	}

	function render(board) {
		if (board.queues.length) {
			rows.replaceChildren(...board.queues.map(row));
		} else {
			const td = cell('td', data.textNone);
			td.colSpan = 5;
			const tr = document.createElement('tr');
			tr.appendChild(td);
			rows.replaceChildren(tr);
		}
		if (board.statusAt) {
			if (at) {
				at.textContent = fill(data.textAt, time(board.statusAt));
			}
			staleText.textContent = fill(data.textStale, time(board.statusAt));
		}
		stale.classList.toggle('is-hidden', board.current);
	}

	MadoguchiLive.follow(data.events, { status: render });
})();
