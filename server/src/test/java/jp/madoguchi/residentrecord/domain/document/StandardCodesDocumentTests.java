package jp.madoguchi.residentrecord.domain.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format 1.1 (issue 17): the CSV carries 続柄, 異動事由 and the notification kind as code and
 * label, the labels being those stored with the notification; format 1.3 takes the kind
 * from its master, as stored with the delivery at acceptance.
 */
class StandardCodesDocumentTests {

	final CsvResidentRecordDocument csv = new CsvResidentRecordDocument();

	@Test
	void eachCodeStandsNextToItsLabel() {
		String[] lines = render(new NotificationKind("K2", "転入届（特例）"), content("11", "転入（特例転入）", "06", "子"));
		List<String> header = List.of(cells(lines[0]));
		List<String> row = List.of(cells(lines[1]));
		assertThat(row.get(header.indexOf("書式版"))).isEqualTo("1.4");
		assertThat(row.get(header.indexOf("届出の種類コード"))).isEqualTo("K2");
		assertThat(row.get(header.indexOf("届出の種類"))).isEqualTo("転入届（特例）");
		assertThat(row.get(header.indexOf("異動事由コード"))).isEqualTo("11");
		assertThat(row.get(header.indexOf("異動事由"))).isEqualTo("転入（特例転入）");
		assertThat(row.get(header.indexOf("続柄コード"))).isEqualTo("06");
		assertThat(row.get(header.indexOf("続柄"))).isEqualTo("子");
	}

	@Test
	void aNotificationSavedBeforeTheCodesKeepsItsLabelsAndEmptyCodes() {
		String[] lines = render(new NotificationKind("02", "転入届（特例転入）"), content(null, null, null, "子"));
		List<String> header = List.of(cells(lines[0]));
		List<String> row = List.of(cells(lines[1]));
		assertThat(row.get(header.indexOf("異動事由コード"))).isEmpty();
		assertThat(row.get(header.indexOf("異動事由"))).isEqualTo("転入（特例転入）");
		assertThat(row.get(header.indexOf("続柄コード"))).isEmpty();
		assertThat(row.get(header.indexOf("続柄"))).isEqualTo("子");
	}

	@Test
	void aDeliveryWrittenBeforeTheKindMasterKeepsItsFormat12Document() {
		String[] lines = render(null, content("11", "転入（特例転入）", "06", "子"));
		List<String> header = List.of(cells(lines[0]));
		List<String> row = List.of(cells(lines[1]));
		assertThat(row.get(header.indexOf("書式版"))).isEqualTo("1.2");
		assertThat(row.get(header.indexOf("届出の種類コード"))).isEqualTo("MOVE_IN");
		assertThat(row.get(header.indexOf("届出の種類"))).isEqualTo("転入届");
	}

	private String[] render(NotificationKind kind, NotificationContent content) {
		Instant now = Instant.parse("2026-11-25T01:00:00Z");
		NotificationView view = new NotificationView(UUID.randomUUID(), 1, NotificationStatus.ACCEPTED, content,
				List.of(), now, "clerk", now, now, "clerk");
		return new String(csv.render(UUID.randomUUID(), kind, view, StandardCharsets.UTF_8).bytes(),
				StandardCharsets.UTF_8)
			.split("\r\n");
	}

	private static String[] cells(String line) {
		return line.substring(1, line.length() - 1).split("\",\"", -1);
	}

	private static NotificationContent content(String reasonCode, String reason, String relationshipCode,
			String relationship) {
		Person child = new Person("釧路", "花子", "クシロ", "ハナコ", null, LocalDate.of(2010, 5, 5), Sex.FEMALE, relationship,
				null, null, null, null, null, null, null, relationshipCode);
		return new NotificationContent(NotificationType.MOVE_IN, Variant.SPECIAL, LocalDate.of(2026, 11, 20),
				LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 19), null, null, new Household("釧路 一郎", false, null),
				List.of(child), null, List.of(), reasonCode, reason);
	}

}
