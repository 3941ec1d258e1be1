package jp.madoguchi.cardagent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.madoguchi.card.CardTransport;
import jp.madoguchi.card.DriversLicenseReader;
import jp.madoguchi.card.MyNumberCardReader;
import jp.madoguchi.card.PcscReaders;

/**
 * The agent's operations on the card, one at a time: two browser tabs reading at once
 * would interleave their APDUs on the same card.
 */
final class CardService {

	private final PcscReaders readers;

	CardService(PcscReaders readers) {
		this.readers = readers;
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

	private <T> T withCard(Function<CardTransport, T> read) {
		return this.readers.withCard(read);
	}

}
