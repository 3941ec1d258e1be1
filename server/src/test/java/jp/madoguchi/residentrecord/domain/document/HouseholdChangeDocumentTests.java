package jp.madoguchi.residentrecord.domain.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.HouseholdsBeforeAfter.HouseholdBefore;
import jp.madoguchi.moving.HouseholdsBeforeAfter.Movement;
import jp.madoguchi.moving.HouseholdsBeforeAfter.PersonRow;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format 1.4: the households before and after of a notification started from the record —
 * a 転居 of three of a family of four, the head staying — in the JSON document and the CSV.
 */
class HouseholdChangeDocumentTests {

	static final String TSUJI = "辻\uDB40\uDD02";

	static final HouseholdsBeforeAfter THREE_OF_FOUR = new HouseholdsBeforeAfter(
			List.of(new HouseholdBefore("H0042", TSUJI + " 太郎", 4)), List.of(leaves("0000124", "花子", "妻", "世帯主"),
					leaves("0000125", "一郎", "子", "子"), leaves("0000126", "さくら", "子", "子"), new PersonRow("0000123",
							TSUJI + " 太郎", Movement.STAYS, false, "H0042", TSUJI + " 太郎", "世帯主", TSUJI + " 太郎", "世帯主")),
			false);

	final JsonMapper json = JsonMapper.builder().build();

	/** The kind stored at acceptance (format 1.4). */
	static final jp.madoguchi.moving.NotificationKind KIND = new jp.madoguchi.moving.NotificationKind("06", "転居届");

	@Test
	void theJsonDocumentSaysWhoLeavesWhoStaysAndWhoBecomesHead() {
		JsonNode document = json
			.readTree(new ResidentRecordDocument(json).render(UUID.randomUUID(), KIND, view(), THREE_OF_FOUR));
		assertThat(document.get("formatVersion").asString()).isEqualTo("1.4");
		JsonNode change = document.get("householdChange");
		assertThat(change.get("householdsBefore").get(0).get("householdId").asString()).isEqualTo("H0042");
		assertThat(change.get("householdsBefore").get(0).get("members").asInt()).isEqualTo(4);
		assertThat(change.get("remainingHeadUndecided").asBoolean()).isFalse();
		JsonNode wife = change.get("persons").get(0);
		assertThat(wife.get("residentId").asString()).isEqualTo("0000124");
		assertThat(wife.get("name").asString()).isEqualTo(TSUJI + " 花子");
		assertThat(wife.get("movement").asString()).isEqualTo("LEAVES");
		assertThat(wife.get("before").get("relationship").asString()).isEqualTo("妻");
		assertThat(wife.get("before").get("headOfHouseholdName").asString()).isEqualTo(TSUJI + " 太郎");
		assertThat(wife.get("after").get("relationship").asString()).isEqualTo("世帯主");
		assertThat(wife.get("after").get("headOfHouseholdName").asString()).isEqualTo(TSUJI + " 花子");
		assertThat(wife.get("becomesHeadOfHousehold").asBoolean()).isTrue();
		JsonNode head = change.get("persons").get(3);
		assertThat(head.get("movement").asString()).isEqualTo("STAYS");
		assertThat(head.get("inNotification").asBoolean()).isFalse();
		assertThat(head.get("becomesHeadOfHousehold").asBoolean()).isFalse();
		// a notification entered by hand: the item is there, null
		JsonNode manual = json.readTree(new ResidentRecordDocument(json).render(UUID.randomUUID(), KIND, view()));
		assertThat(manual.has("householdChange")).isTrue();
		assertThat(manual.get("householdChange").isNull()).isTrue();
	}

	@Test
	void theCsvCarriesEachPersonsBeforeAndAfterAndWhoStays() {
		Rendered rendered = new CsvResidentRecordDocument().render(UUID.randomUUID(), KIND, view(), THREE_OF_FOUR,
				StandardCharsets.UTF_8);
		String[] lines = new String(rendered.bytes(), StandardCharsets.UTF_8).split("\r\n");
		List<String> header = List.of(cells(lines[0]));
		assertThat(lines).hasSize(4);
		assertThat(header.subList(header.indexOf("受付者") + 1, header.size())).containsExactly("宛名番号", "異動の区分",
				"異動前の世帯番号", "異動前の世帯主の氏名", "異動前の続柄", "異動後の世帯主の氏名", "異動後の続柄", "残る世帯の世帯主の氏名", "残る世帯員");
		List<String> wife = List.of(cells(lines[1]));
		assertThat(wife.get(header.indexOf("宛名番号"))).isEqualTo("0000124");
		assertThat(wife.get(header.indexOf("異動の区分"))).isEqualTo("LEAVES");
		assertThat(wife.get(header.indexOf("異動前の続柄"))).isEqualTo("妻");
		assertThat(wife.get(header.indexOf("異動後の続柄"))).isEqualTo("世帯主");
		// the CSV keeps no variation selector: 辻󠄂 is written 辻 and reported once
		assertThat(wife.get(header.indexOf("残る世帯の世帯主の氏名"))).isEqualTo("辻 太郎");
		assertThat(wife.get(header.indexOf("残る世帯員"))).isEqualTo("辻 太郎");
		assertThat(rendered.notes()).contains("残る世帯員: 「" + TSUJI + " 太郎」→「辻 太郎」").doesNotContain("人目の残る");
		List<String> daughter = List.of(cells(lines[3]));
		assertThat(daughter.get(header.indexOf("宛名番号"))).isEqualTo("0000126");
		assertThat(daughter.get(header.indexOf("異動後の世帯主の氏名"))).isEqualTo("辻 花子");
		// without a before and after the columns are empty
		String[] manual = new String(
				new CsvResidentRecordDocument().render(UUID.randomUUID(), KIND, view(), StandardCharsets.UTF_8).bytes(),
				StandardCharsets.UTF_8)
			.split("\r\n");
		assertThat(List.of(cells(manual[1])).get(header.indexOf("宛名番号"))).isEmpty();
	}

	private static PersonRow leaves(String id, String given, String before, String after) {
		return new PersonRow(id, TSUJI + " " + given, Movement.LEAVES, true, "H0042", TSUJI + " 太郎", before,
				TSUJI + " 花子", after);
	}

	private static NotificationView view() {
		Instant now = Instant.parse("2026-12-01T01:00:00Z");
		List<Person> persons = List.of(person("花子", "世帯主"), person("一郎", "子"), person("さくら", "子"));
		NotificationContent content = new NotificationContent(NotificationType.MOVE_WITHIN, Variant.NONE,
				LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 1), null, null, null,
				new Household(null, true, null), persons, null, List.of());
		return new NotificationView(UUID.randomUUID(), 1, NotificationStatus.ACCEPTED, content, List.of(), now, "clerk",
				now, now, "clerk");
	}

	private static Person person(String given, String relationship) {
		return new Person(TSUJI, given, "ツジ", null, null, LocalDate.of(1990, 1, 1), null, relationship, null, null,
				null, null, null, null, null);
	}

	private static String[] cells(String line) {
		return line.substring(1, line.length() - 1).split("\",\"", -1);
	}

}
