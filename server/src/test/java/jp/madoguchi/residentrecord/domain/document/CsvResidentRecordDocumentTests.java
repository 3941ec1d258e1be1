package jp.madoguchi.residentrecord.domain.document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV variant: items by the standard's names, and every lost glyph reported. */
class CsvResidentRecordDocumentTests {

	static final Charset SHIFT_JIS = Charset.forName("windows-31j");

	final CsvResidentRecordDocument csv = new CsvResidentRecordDocument();

	/** The kind stored at acceptance: the current format. */
	static final jp.madoguchi.moving.NotificationKind KIND = new jp.madoguchi.moving.NotificationKind("01", "転入届");

	@Test
	void oneRowPerPersonUnderTheStandardsItemNames() {
		Rendered rendered = csv.render(UUID.randomUUID(), KIND, notification("辻", "𠮷田"), SHIFT_JIS);
		String text = new String(rendered.bytes(), SHIFT_JIS);
		String[] lines = text.split("\r\n", -1);
		assertThat(lines).hasSize(4).endsWith("");
		assertThat(lines[0]).startsWith("\"連携ID\",\"届出ID\",\"書式版\",\"届出の種類コード\",\"届出の種類\",\"異動事由コード\",\"異動事由\"");
		List<String> header = CsvResidentRecordDocument.header();
		assertThat(lines[1].split("\",\"")).hasSize(header.size());
		assertThat(lines[1]).contains("\"転入\"", "\"2026-11-20\"", "\"太郎\"", "\"タロウ\"", "\"世帯主\"", "\"123456789018\"",
				"\"ハイツ\"\"101\"\"\"");
	}

	@Test
	void variationSequencesAndUnencodableCharactersAreDegeneratedAndReportedPerItem() {
		Rendered rendered = csv.render(UUID.randomUUID(), KIND, notification("辻\uDB40\uDD02", "𠮷田"), SHIFT_JIS);
		String text = new String(rendered.bytes(), SHIFT_JIS);
		assertThat(text).contains("\"辻\",\"太郎\"").contains("\"〓田\",\"花子\"").doesNotContain("\uDB40\uDD02");
		assertThat(rendered.notes()).contains("1人目の氏: 「辻\uDB40\uDD02」→「辻」")
			.contains("2人目の氏: 「𠮷田」→「〓田」")
			.contains("世帯主の氏名: 「辻\uDB40\uDD02 太郎」→「辻 太郎」")
			.doesNotContain("1人目の名");
	}

	@Test
	void inUtf8OnlyTheVariationSelectorsGo() {
		Rendered rendered = csv.render(UUID.randomUUID(), KIND, notification("辻\uDB40\uDD02", "𠮷田"),
				StandardCharsets.UTF_8);
		String text = new String(rendered.bytes(), StandardCharsets.UTF_8);
		assertThat(text).contains("\"𠮷田\"").contains("\"辻\",\"太郎\"");
		assertThat(rendered.notes()).contains("1人目の氏").doesNotContain("2人目の氏");
	}

	@Test
	void nothingLostNothingReported() {
		assertThat(csv.render(UUID.randomUUID(), KIND, notification("辻", "吉田"), SHIFT_JIS).notes()).isNull();
	}

	private static NotificationView notification(String head, String second) {
		Address kushiro = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "ハイツ\"101\"", null);
		List<Person> persons = List.of(person(head, "太郎", "タロウ", "世帯主", "123456789018"),
				person(second, "花子", "ハナコ", "同居人", null));
		NotificationContent content = new NotificationContent(NotificationType.MOVE_IN, Variant.DOMESTIC,
				LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), null, kushiro, null,
				new Household(null, true, null), persons,
				new Filer(FilerKind.SELF, head + " 太郎", "0154-00-0000", false), List.of());
		Instant now = Instant.parse("2026-11-25T01:00:00Z");
		return new NotificationView(UUID.randomUUID(), 1, NotificationStatus.ACCEPTED, content, List.of(), now, "clerk",
				now, now, "clerk");
	}

	private static Person person(String family, String given, String kana, String relationship, String myNumber) {
		return new Person(family, given, "ツジ", kana, null, LocalDate.of(1980, 4, 1), Sex.MALE, relationship, null, null,
				true, myNumber, null, null, null);
	}

}
