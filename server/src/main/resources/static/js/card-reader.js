// カード読取 on the counter pages (templates/fragments/card-dialog.html): the resident types the
// PIN into the dialog, the page sends it to the card agent on this terminal (127.0.0.1,
// docs/card-agent.md) and fills the form of the button that opened the dialog with what the
// card holds. The button says how: data-card-fill="person" (notification screen, data-person =
// which person), "reception" (reception screen: the name, and the source CARD) or "lookup"
// (household search: the four items posted to find the household and the data sent ahead). The PIN never
// goes to the server and is forgotten as soon as the read ends; a wrong PIN is shown with the
// tries left and never retried. The residence card (在留カード・特別永住者証明書) has no PIN: staff type
// or scan the twelve-character number printed on it, which opens the card (a wrong number is
// refused by the card, with no tries to lose).
(() => {
	const dialog = document.getElementById('card-dialog');
	if (!dialog) {
		return;
	}
	const agent = dialog.dataset.agentUrl;
	const token = dialog.dataset.agentToken;
	const dialogForm = dialog.querySelector('form');
	const pin = dialog.querySelector('#card-pin');
	const cardNumber = dialog.querySelector('#card-number');
	const pinField = dialog.querySelector('[data-card-pin-field]');
	const pin2 = dialog.querySelector('#card-pin2');
	const pin2Field = dialog.querySelector('[data-card-pin2-field]');
	const cardNumberField = dialog.querySelector('[data-card-number-field]');
	const withMyNumber = dialog.querySelector('#card-with-my-number');
	const message = dialog.querySelector('[data-card-message]');
	const detail = dialog.querySelector('[data-card-detail]');
	const remaining = dialog.querySelector('[data-card-remaining]');
	const submit = dialog.querySelector('[data-card-submit]');
	const photo = dialog.querySelector('[data-card-photo]');
	const photoImage = dialog.querySelector('[data-card-photo-image]');
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

	// The card's face photo (a PNG the agent made from the card's JPEG 2000) for the
	// identity check: shown in the dialog only, never put into the form, and dropped when
	// the dialog closes or reads again.
	function showPhoto(png) {
		photo.hidden = !png;
		if (png) {
			photoImage.src = 'data:image/png;base64,' + png;
			// The dialog scrolls on a small screen: bring the photo and the message below it
			// into view.
			photoImage.addEventListener('load', () => message.scrollIntoView({ block: 'nearest' }), { once: true });
		} else {
			photoImage.removeAttribute('src');
		}
	}

	function cardType() {
		return dialogForm.querySelector('input[name="cardType"]:checked').value;
	}

	// The residence card asks for its number instead of a PIN; the licence may take PIN 2 for
	// its 本籍, where the page has a person to fill.
	function showFieldsFor(type) {
		const residence = type === 'RESIDENCE_CARD';
		pinField.hidden = residence;
		pin2Field.hidden = type !== 'DRIVERS_LICENSE' || !opener || opener.dataset.cardFill !== 'person';
		cardNumberField.hidden = !residence;
		if (withMyNumber) {
			withMyNumber.closest('.choice').hidden = residence;
		}
		(residence ? cardNumber : pin).focus();
	}

	dialogForm.addEventListener('change', (event) => {
		if (event.target.name === 'cardType') {
			show(null);
			showFieldsFor(cardType());
		}
	});

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

	// The household search: the card's four items (and its My Number, when read) go to the
	// server in the form's hidden fields (a POST, so they stay out of the URL), which lists
	// every candidate; the My Number comes back sealed, to go onto the draft started.
	function fillLookup(info, myNumber) {
		set('cardName', info.name);
		set('cardMyNumber', myNumber);
		set('cardBirthDate', info.birthDate);
		set('cardSex', info.sex);
		set('cardAddress', info.address);
		opener.form.requestSubmit();
	}

	// A draft filled from the resident record: the card never overwrites it. Its four items
	// go to the server, which shows what differs side by side for staff to choose.
	function fillCompare(info) {
		const form = document.getElementById('card-compare');
		form.elements.namedItem('person').value = opener.dataset.person;
		form.elements.namedItem('cardName').value = info.name || '';
		form.elements.namedItem('cardBirthDate').value = info.birthDate || '';
		form.elements.namedItem('cardSex').value = info.sex || '';
		form.elements.namedItem('cardAddress').value = info.address || '';
		form.requestSubmit();
	}

	// A residence card: the names (漢字 where the card shows one, else the alphabet name),
	// the foreign-resident items, and the present 住居地 as the previous address.
	function residenceAsInfo(card) {
		return {
			name: card.nameKanji || card.nameAlphabet,
			birthDate: card.birthDate,
			sex: card.sex,
			address: card.address,
			cardType: card.cardType,
		};
	}

	function fillForeignResident(card) {
		const prefix = 'persons[' + opener.dataset.person + '].';
		set(prefix + 'foreignResident', true);
		set(prefix + 'nameAlphabet', card.nameAlphabet);
		set(prefix + 'nationality', card.nationality);
		set(prefix + 'category', card.cardType === 'SPECIAL_PERMANENT_RESIDENT_CERTIFICATE' ? 'SPECIAL_PERMANENT' : 'MID_TO_LONG_TERM');
		set(prefix + 'residenceStatus', card.residenceStatus);
		set(prefix + 'periodOfStay', card.periodOfStay);
		set(prefix + 'periodOfStayEndsOn', card.periodOfStayEndsOn);
		set(prefix + 'residenceCardNumber', card.cardNumber);
		const section = opener.form.elements.namedItem(prefix + 'nameAlphabet');
		const details = section && section.closest('details');
		if (details) {
			details.open = true;
		}
	}

	function residenceMessage(card) {
		const notes = [dialog.dataset.msgResidence];
		if (card.periodOfStayEndsOn && card.periodOfStayEndsOn < new Date().toISOString().slice(0, 10)) {
			notes.push(dialog.dataset.msgPeriodEnded);
		}
		if (card.signature === 'NOT_CHECKED') {
			notes.push(dialog.dataset.msgSignatureUnchecked);
		}
		return notes.join(' ');
	}

	// A card that holds its face only as an image gives no items to fill but the number and
	// the category: staff type the rest from the card.
	async function readResidenceCard(number) {
		const card = await call('/v1/residence-card', { cardNumber: number });
		return { info: card.cardFace ? residenceAsInfo(card) : null, card };
	}

	function fill(info, myNumber) {
		if (opener.dataset.cardFill === 'compare') {
			fillCompare(info);
		} else if (opener.dataset.cardFill === 'reception') {
			fillReception(info);
		} else if (opener.dataset.cardFill === 'lookup') {
			fillLookup(info, myNumber);
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
		pin2.value = '';
		cardNumber.value = '';
		show(null);
		showPhoto(null);
		dialog.showModal();
		showFieldsFor(cardType());
	});

	dialog.addEventListener('close', () => {
		pin.value = '';
		pin2.value = '';
		showPhoto(null);
	});

	dialogForm.addEventListener('submit', async (event) => {
		if (!event.submitter || event.submitter.value !== 'read') {
			return; // 閉じる: the dialog closes itself
		}
		event.preventDefault();
		const typed = pin.value;
		const typed2 = pin2Field.hidden ? '' : pin2.value;
		pin.value = '';
		pin2.value = '';
		submit.disabled = true;
		showPhoto(null);
		show(dialog.dataset.msgReading, 'info');
		try {
			let info;
			let myNumber = null;
			let domicile = null;
			if (cardType() === 'RESIDENCE_CARD') {
				const { info: read, card } = await readResidenceCard(cardNumber.value.trim().toUpperCase());
				if (read) {
					fill(read, null);
					if (opener.dataset.cardFill === 'person') {
						fillForeignResident(card);
					}
				}
				// Stays open: the reminder of the 住居地 endorsement and any warning are read,
				// and the photo compared with the person, before closing.
				showPhoto(card.photoPng);
				show(residenceMessage(card), 'success');
				return;
			}
			if (cardType() === 'DRIVERS_LICENSE') {
				info = await call('/v1/drivers-license/basic-info', { pin1: typed });
				if (typed2) {
					domicile = await call('/v1/drivers-license/registered-domicile', { pin1: typed, pin2: typed2 });
				}
			} else {
				info = await call('/v1/my-number-card/basic-info', { pin: typed });
				if (withMyNumber && withMyNumber.checked) {
					myNumber = (await call('/v1/my-number-card/my-number', { pin: typed })).myNumber;
				}
			}
			fill(info, myNumber);
			if (domicile) {
				set('persons[' + opener.dataset.person + '].registeredDomicile', domicile.registeredDomicile);
			}
			const external = [info, domicile].some((read) => read && Array.isArray(read.externalCharacters)
				&& read.externalCharacters.length > 0);
			// With PIN 2 the licence gives its photo too: the dialog stays open for staff to
			// compare it with the person.
			const withPhoto = Boolean(domicile && domicile.photoPng);
			showPhoto(withPhoto ? domicile.photoPng : null);
			show(dialog.dataset.msgDone + (domicile ? ' ' + dialog.dataset.msgDomicile : '')
				+ (withPhoto ? ' ' + dialog.dataset.msgPhoto : '')
				+ (external ? ' ' + dialog.dataset.msgExternal : ''), 'success');
			if (!external && !withPhoto) {
				dialog.close();
			}
		} catch (problem) {
			if (problem && problem.code) {
				show(problem.detail, 'error', problem.code === 'PIN_INCORRECT' ? problem.remainingTries : undefined);
			} else {
				show(dialog.dataset.msgUnreachable, 'error');
			}
			(cardType() === 'RESIDENCE_CARD' ? cardNumber : pin).focus();
		} finally {
			submit.disabled = false;
		}
	});
})();
