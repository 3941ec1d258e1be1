package jp.madoguchi.residentrecord.domain.document;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format 1.2: the head of the household left (世帯分離), in the JSON document and the CSV.
 */
class PreviousHeadDocumentTests {

	static final String PREVIOUS_HEAD = "辻\uDB40\uDD02 源蔵";

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theJsonDocumentNamesTheHouseholdLeft() {
		JsonNode document = json.readTree(
				new ResidentRecordDocument(json).render(UUID.randomUUID(), null, view(separation(PREVIOUS_HEAD))));
		assertThat(document.get("formatVersion").asString()).isEqualTo("1.2");
		assertThat(document.get("household").get("previousHeadOfHouseholdName").asString()).isEqualTo(PREVIOUS_HEAD);
		assertThat(document.get("household").get("headOfHouseholdName").asString()).isEqualTo("辻 太郎");
	}

	@Test
	void aNotificationWithoutItHasNull() {
		JsonNode document = json
			.readTree(new ResidentRecordDocument(json).render(UUID.randomUUID(), null, view(separation(null))));
		assertThat(document.get("household").has("previousHeadOfHouseholdName")).isTrue();
		assertThat(document.get("household").get("previousHeadOfHouseholdName").isNull()).isTrue();
	}

	@Test
	void theCsvHasItsColumnAndReportsTheLostVariationSelectorOnce() {
		Rendered rendered = new CsvResidentRecordDocument().render(UUID.randomUUID(), null,
				view(separation(PREVIOUS_HEAD)), Charset.forName("windows-31j"));
		String[] lines = new String(rendered.bytes(), Charset.forName("windows-31j")).split("\r\n");
		List<String> header = List.of(cells(lines[0]));
		List<String> row = List.of(cells(lines[1]));
		assertThat(header.indexOf("前世帯主の氏名")).isEqualTo(header.indexOf("世帯主の氏名") + 1);
		assertThat(row.get(header.indexOf("前世帯主の氏名"))).isEqualTo("辻 源蔵");
		assertThat(row.get(header.indexOf("書式版"))).isEqualTo("1.2");
		assertThat(rendered.notes()).contains("前世帯主の氏名: 「" + PREVIOUS_HEAD + "」→「辻 源蔵」").doesNotContain("人目の前世帯主");
	}

	private static NotificationView view(NotificationContent content) {
		Instant now = Instant.parse("2026-11-25T01:00:00Z");
		return new NotificationView(UUID.randomUUID(), 1, NotificationStatus.ACCEPTED, content, List.of(), now, "clerk",
				now, now, "clerk");
	}

	private static String[] cells(String line) {
		return line.substring(1, line.length() - 1).split("\",\"", -1);
	}

	private static NotificationContent separation(String previousHead) {
		Person head = new Person("辻", "太郎", "ツジ", "タロウ", null, LocalDate.of(1990, 5, 5), Sex.MALE, "世帯主", null, null,
				null, null, null, null, null, "01");
		return new NotificationContent(NotificationType.HOUSEHOLD_CHANGE, Variant.SEPARATION,
				LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), null, null, null,
				new Household(null, true, null, previousHead), List.of(head), null, List.of(), "41", "世帯分離");
	}

}
