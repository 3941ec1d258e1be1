// カード読取 on the counter pages (templates/fragments/card-dialog.html): the resident types the
// PIN into the dialog, the page sends it to the card agent on this terminal (127.0.0.1,
// docs/card-agent.md) and fills the form of the button that opened the dialog with what the
// card holds. The button says how: data-card-fill="person" (notification screen, data-person =
// which person) or "reception" (reception screen: the name, and the source CARD). The PIN never
// goes to the server and is forgotten as soon as the read ends; a wrong PIN is shown with the
// tries left and never retried.
(() => {
	const dialog = document.getElementById('card-dialog');
	if (!dialog) {
		return;
	}
	const agent = dialog.dataset.agentUrl;
	const token = dialog.dataset.agentToken;
	const dialogForm = dialog.querySelector('form');
	const pin = dialog.querySelector('#card-pin');
	const withMyNumber = dialog.querySelector('#card-with-my-number');
	const message = dialog.querySelector('[data-card-message]');
	const detail = dialog.querySelector('[data-card-detail]');
	const remaining = dialog.querySelector('[data-card-remaining]');
	const submit = dialog.querySelector('[data-card-submit]');
	// The button that opened the dialog: its form and data-card-fill decide what is filled.
	let opener = null;

	function show(text, kind, triesLeft) {
		message.hidden = !text;
		message.classList.toggle('banner--error', kind === 'error');
		message.classList.toggle('banner--success', kind === 'success');
		message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
		detail.textContent = text || '';
		remaining.hidden = triesLeft === undefined;
		remaining.textContent = triesLeft === undefined ? '' : dialog.dataset.msgRemaining.replace('{0}', triesLeft);
	}

	function cardType() {
		return dialogForm.querySelector('input[name="cardType"]:checked').value;
	}

	async function call(path, body) {
		const response = await fetch(agent + path, {
			method: 'POST',
			headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
			cache: 'no-store',
			credentials: 'omit',
		});
		const json = await response.json();
		if (!response.ok) {
			throw json;
		}
		return json;
	}

	// Staff keep the last word: the fields are filled and announced as changed (the findings
	// panel follows), and can be corrected as usual.
	function set(name, value) {
		const field = opener && opener.form && opener.form.elements.namedItem(name);
		if (!field || value === undefined || value === null) {
			return;
		}
		if (field.type === 'checkbox') {
			field.checked = Boolean(value);
		} else {
			field.value = value;
		}
		field.dispatchEvent(new Event('change', { bubbles: true }));
	}

	function splitName(name) {
		const match = /^(\S+)[\s\u3000]+(.+)$/u.exec(name || '');
		return match ? [match[1], match[2]] : [name || '', ''];
	}

	// The card's address is where the resident is registered now: the previous address of this
	// notification. Filled only when staff have not typed one yet; split at the prefecture and
	// the municipality, the rest goes to the town field for staff to divide if need be.
	function fillPreviousAddress(address) {
		const parts = ['prefecture', 'city', 'town', 'block', 'building'];
		const filled = parts.some((part) => {
			const field = opener.form.elements.namedItem('previousAddress.' + part);
			return field && field.value.trim() !== '';
		});
		if (filled || !address) {
			return;
		}
		const prefecture = /^(東京都|北海道|京都府|大阪府|.{2,3}県)/u.exec(address);
		const afterPrefecture = prefecture ? address.slice(prefecture[1].length) : address;
		const city = /^(.+?郡.+?[町村]|.+?市.+?区|.+?[市区町村])/u.exec(afterPrefecture);
		set('previousAddress.prefecture', prefecture ? prefecture[1] : '');
		set('previousAddress.city', city ? city[1] : '');
		set('previousAddress.town', city ? afterPrefecture.slice(city[1].length) : afterPrefecture);
	}

	function fillPerson(info, myNumber) {
		const prefix = 'persons[' + opener.dataset.person + '].';
		const [family, given] = splitName(info.name);
		set(prefix + 'familyName', family);
		set(prefix + 'givenName', given);
		if (info.nameKana) {
			const [familyKana, givenKana] = splitName(info.nameKana);
			set(prefix + 'familyNameKana', familyKana);
			set(prefix + 'givenNameKana', givenKana);
		}
		set(prefix + 'birthDate', info.birthDate);
		if (info.sex && info.sex !== 'NOT_KNOWN') {
			set(prefix + 'sex', info.sex);
		}
		if (info.cardType === 'MY_NUMBER_CARD') {
			set(prefix + 'myNumberCard', true);
		}
		if (myNumber) {
			set(prefix + 'myNumber', myNumber);
		}
		fillPreviousAddress(info.address);
	}

	// A new reception: the name as the card has it, and where it came from.
	function fillReception(info) {
		set('name', info.name);
		set('source', 'CARD');
	}

	function fill(info, myNumber) {
		if (opener.dataset.cardFill === 'reception') {
			fillReception(info);
		} else {
			fillPerson(info, myNumber);
		}
	}

	document.addEventListener('click', (event) => {
		const button = event.target.closest('[data-card-read]');
		if (!button) {
			return;
		}
		opener = button;
		pin.value = '';
		show(null);
		dialog.showModal();
		pin.focus();
	});

	dialog.addEventListener('close', () => {
		pin.value = '';
	});

	dialogForm.addEventListener('submit', async (event) => {
		if (!event.submitter || event.submitter.value !== 'read') {
			return; // 閉じる: the dialog closes itself
		}
		event.preventDefault();
		const typed = pin.value;
		pin.value = '';
		submit.disabled = true;
		show(dialog.dataset.msgReading, 'info');
		try {
			let info;
			let myNumber = null;
			if (cardType() === 'DRIVERS_LICENSE') {
				info = await call('/v1/drivers-license/basic-info', { pin1: typed });
			} else {
				info = await call('/v1/my-number-card/basic-info', { pin: typed });
				if (withMyNumber && withMyNumber.checked) {
					myNumber = (await call('/v1/my-number-card/my-number', { pin: typed })).myNumber;
				}
			}
			fill(info, myNumber);
			const external = Array.isArray(info.externalCharacters) && info.externalCharacters.length > 0;
			show(dialog.dataset.msgDone + (external ? ' ' + dialog.dataset.msgExternal : ''), 'success');
			if (!external) {
				dialog.close();
			}
		} catch (problem) {
			if (problem && problem.code) {
				show(problem.detail, 'error', problem.code === 'PIN_INCORRECT' ? problem.remainingTries : undefined);
			} else {
				show(dialog.dataset.msgUnreachable, 'error');
			}
			pin.focus();
		} finally {
			submit.disabled = false;
		}
	});
})();
