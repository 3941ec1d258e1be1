package jp.madoguchi.cardagent;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.madoguchi.card.CardTransport;
import jp.madoguchi.card.DriversLicenseReader;
import jp.madoguchi.card.MyNumberCardReader;
import jp.madoguchi.card.PcscReaders;
import jp.madoguchi.card.ResidenceCard;
import jp.madoguchi.card.ResidenceCardReader;

/**
 * The agent's operations on the card, one at a time: two browser tabs reading at once
 * would interleave their APDUs on the same card.
 */
final class CardService {

	private final PcscReaders readers;

	private final List<PublicKey> issuerKeys;

	private final Clock clock;

	private final Jpeg2000 photos;

	CardService(PcscReaders readers, List<PublicKey> issuerKeys, Clock clock, Jpeg2000 photos) {
		this.readers = readers;
		this.issuerKeys = List.copyOf(issuerKeys);
		this.clock = clock;
		this.photos = photos;
	}

	synchronized List<Map<String, Object>> readers() {
		return this.readers.readers().stream().map((reader) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", reader.name());
			json.put("cardPresent", reader.cardPresent());
			return json;
		}).toList();
	}

	synchronized Map<String, Object> myNumberBasicInfo(String pin) {
		MyNumberCardReader.BasicInfo info = withCard((card) -> new MyNumberCardReader(card).readBasicInfo(pin));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", info.name());
		json.put("address", info.address());
		json.put("birthDate", info.birthDate().toString());
		json.put("sex", info.sex().name());
		json.put("cardType", "MY_NUMBER_CARD");
		return json;
	}

	synchronized Map<String, Object> myNumber(String pin) {
		String number = withCard((card) -> new MyNumberCardReader(card).readMyNumber(pin));
		return Map.of("myNumber", number);
	}

	synchronized Map<String, Object> driversLicenseBasicInfo(String pin1) {
		DriversLicenseReader.Entries entries = withCard((card) -> new DriversLicenseReader(card).readEntries(pin1));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", entries.name());
		json.put("nameKana", entries.nameKana());
		json.put("address", entries.address());
		json.put("birthDate", entries.birthDate().toString());
		json.put("licenseNumber", entries.licenseNumber());
		json.put("expiresOn", entries.expiresOn().toString());
		json.put("externalCharacters", entries.externalCharacters().stream().map((external) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", external.field());
			item.put("position", external.position());
			item.put("code", external.code());
			item.put("kind", external.kind());
			return item;
		}).toList());
		json.put("cardType", "DRIVERS_LICENSE");
		return json;
	}

	synchronized Map<String, Object> driversLicenseRegisteredDomicile(String pin1, String pin2) {
		DriversLicenseReader.RegisteredDomicile domicile = withCard(
				(card) -> new DriversLicenseReader(card).readRegisteredDomicile(pin1, pin2));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("registeredDomicile", domicile.registeredDomicile());
		json.put("externalCharacters", externals(domicile.externalCharacters()));
		// For the identity check at the counter only: the page shows it and stores
		// nothing.
		putPhoto(json, domicile.photo());
		json.put("cardType", "DRIVERS_LICENSE");
		return json;
	}

	private static List<Map<String, Object>> externals(List<DriversLicenseReader.ExternalCharacter> externals) {
		return externals.stream().map((external) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", external.field());
			item.put("position", external.position());
			item.put("code", external.code());
			item.put("kind", external.kind());
			return item;
		}).toList();
	}

	synchronized Map<String, Object> residenceCard(String cardNumber) {
		ResidenceCard read = withCard(
				(card) -> new ResidenceCardReader(card, this.clock, this.issuerKeys).read(cardNumber));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("cardType", read.kind().name());
		json.put("cardNumber", read.cardNumber());
		ResidenceCard.CardFace face = read.face();
		json.put("cardFace", face != null);
		if (face != null) {
			json.put("nameAlphabet", face.nameAlphabet());
			json.put("nameKanji", face.nameKanji());
			json.put("birthDate", face.birthDate().toString());
			json.put("sex", face.sex().name());
			json.put("nationality", face.nationality());
			json.put("residenceStatus", face.residenceStatus());
			json.put("periodOfStay", face.periodOfStay());
			json.put("periodOfStayEndsOn", date(face.periodOfStayEndsOn()));
			json.put("permissionType", face.permissionType());
			json.put("permittedOn", date(face.permittedOn()));
			json.put("workRestriction", face.workRestriction());
			json.put("issuedOn", date(face.issuedOn()));
			json.put("expiresOn", date(face.expiresOn()));
		}
		json.put("addresses", read.addresses().stream().map((address) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("recordedOn", address.recordedOn().toString());
			item.put("municipalityCode", address.municipalityCode());
			item.put("address", address.address());
			return item;
		}).toList());
		ResidenceCard.Address current = read.currentAddress();
		json.put("address", (current != null) ? current.address() : null);
		json.put("comprehensivePermission", read.comprehensivePermission());
		json.put("individualPermission", read.individualPermission());
		json.put("pendingApplication", read.pendingApplication().name());
		json.put("signature", read.signature().name());
		putPhoto(json, read.photo());
		byte[] png = read.frontImagePng();
		json.put("frontImagePng", (png.length > 0) ? Base64.getEncoder().encodeToString(png) : null);
		return json;
	}

	/**
	 * {@code photoFormat} (as the card holds it) and {@code photoPng} (base64, null when
	 * the card has none or it could not be decoded).
	 */
	private void putPhoto(Map<String, Object> json, byte[] photo) {
		json.put("photoFormat", Jpeg2000.format(photo));
		byte[] png = this.photos.toPng(photo);
		json.put("photoPng", (png.length > 0) ? Base64.getEncoder().encodeToString(png) : null);
	}

	private static String date(java.time.LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private <T> T withCard(Function<CardTransport, T> read) {
		return this.readers.withCard(read);
	}

}
