package jp.madoguchi.residentrecord.domain.document;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.moving.NotificationView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The CSV variant for older resident-record systems: a header row of the standard's item
 * names, then one row per person with the notification's items repeated, every field
 * quoted, CRLF line ends (docs/resident-record.md lists the columns).
 *
 * <p>
 * Such systems keep names in JIS X 0208/0213 without Ideographic Variation Sequences, so
 * a name loses its variation selector (辻󠄂 → 辻: the glyph variant is gone) and a
 * character the chosen encoding cannot hold becomes 〓 (the customary 下駄 mark). Nothing of
 * it happens silently: each degenerated item is reported, by person and item, in the
 * delivery's notes that staff see, so the clerk can register the 外字 by hand.
 */
@Component
public class CsvResidentRecordDocument {

	static final String GETA = "〓";

	private static final String[] HEADER_WITHOUT_KIND = { "連携ID", "届出ID", "書式版", "届出の種類コード", "届出の種類", "異動事由コード", "異動事由",
			"異動年月日", "届出年月日", "転出予定年月日", "住所を定めた年月日", "郵便番号", "住所", "方書", "前住所", "前住所の方書", "世帯主の氏名", "前世帯主の氏名", "記載順",
			"氏", "名", "氏の振り仮名", "名の振り仮名", "旧氏", "生年月日", "性別", "続柄コード", "続柄", "個人番号", "本籍", "筆頭者の氏名", "国籍・地域",
			"氏名（アルファベット）", "通称", "法第30条の45に規定する区分", "在留資格", "在留期間の満了の日", "在留カード等の番号", "外国人住民となった年月日", "届出人の区分",
			"届出人の氏名", "受付日時", "受付者" };

	/** Format 1.4 adds the households before and after at the end. */
	private static final String[] HEADER = java.util.stream.Stream
		.concat(java.util.Arrays.stream(HEADER_WITHOUT_KIND),
				java.util.stream.Stream.of("宛名番号", "異動の区分", "異動前の世帯番号", "異動前の世帯主の氏名", "異動前の続柄", "異動後の世帯主の氏名", "異動後の続柄",
						"残る世帯の世帯主の氏名", "残る世帯員"))
		.toArray(String[]::new);

	/** The CSV of a notification entered by hand (no households before and after). */
	public Rendered render(UUID deliveryId, @Nullable NotificationKind storedKind, NotificationView notification,
			Charset charset) {
		return render(deliveryId, storedKind, notification, null, charset);
	}

	/**
	 * @param storedKind the notification kind stored with the delivery, {@code null} for
	 * a delivery written before the master (format 1.2, its columns as they were)
	 * @param change the households before and after of a notification started from the
	 * record (the last columns, empty otherwise)
	 */
	public Rendered render(UUID deliveryId, @Nullable NotificationKind storedKind, NotificationView notification,
			@Nullable HouseholdsBeforeAfter change, Charset charset) {
		String[] header = (storedKind != null) ? HEADER : HEADER_WITHOUT_KIND;
		NotificationContent content = notification.content();
		NotificationKind kind = ResidentRecordDocument.kind(storedKind, content.type());
		CharsetEncoder encoder = charset.newEncoder();
		List<String> notes = new ArrayList<>();
		StringBuilder csv = new StringBuilder();
		row(csv, List.of(header));
		List<Person> persons = content.persons();
		for (int i = 0; i < persons.size(); i++) {
			Person person = persons.get(i);
			Map<String, @Nullable String> items = new LinkedHashMap<>();
			items.put("連携ID", deliveryId.toString());
			items.put("届出ID", notification.id().toString());
			items.put("書式版", ResidentRecordDocument.formatVersion(storedKind));
			items.put("届出の種類コード", kind.code());
			items.put("届出の種類", kind.label());
			items.put("異動事由コード", content.moveReasonCode());
			items.put("異動事由", ResidentRecordDocument.reason(content));
			items.put("異動年月日", text(content.movedOn()));
			items.put("届出年月日", text(content.filedOn()));
			items.put("転出予定年月日", text(content.plannedMoveOutOn()));
			items.put("住所を定めた年月日",
					ResidentRecordDocument.settlesAddress(content.type()) ? text(content.movedOn()) : null);
			Address address = content.newAddress();
			items.put("郵便番号", (address != null) ? address.postalCode() : null);
			items.put("住所", (address != null) ? addressLine(address) : null);
			items.put("方書", (address != null) ? address.building() : null);
			Address previous = content.previousAddress();
			items.put("前住所", (previous != null) ? addressLine(previous) : null);
			items.put("前住所の方書", (previous != null) ? previous.building() : null);
			items.put("世帯主の氏名", ResidentRecordDocument.headOfHousehold(content));
			items.put("前世帯主の氏名", ResidentRecordDocument.previousHeadOfHousehold(content));
			items.put("記載順", Integer.toString(i + 1));
			items.put("氏", person.familyName());
			items.put("名", person.givenName());
			items.put("氏の振り仮名", person.familyNameKana());
			items.put("名の振り仮名", person.givenNameKana());
			items.put("旧氏", person.formerSurname());
			items.put("生年月日", text(person.birthDate()));
			items.put("性別", (person.sex() != null) ? person.sex().name() : null);
			items.put("続柄コード", person.relationshipCode());
			items.put("続柄", person.relationship());
			items.put("個人番号", person.myNumber());
			items.put("本籍", person.registeredDomicile());
			items.put("筆頭者の氏名", person.familyRegisterHead());
			items.put("国籍・地域", person.nationality());
			ForeignResident foreign = person.foreignResident();
			items.put("氏名（アルファベット）", (foreign != null) ? foreign.nameAlphabet() : null);
			items.put("通称", (foreign != null) ? foreign.alias() : null);
			items.put("法第30条の45に規定する区分",
					(foreign != null && foreign.category() != null) ? foreign.category().name() : null);
			items.put("在留資格", (foreign != null) ? foreign.residenceStatus() : null);
			items.put("在留期間の満了の日", (foreign != null) ? text(foreign.periodOfStayEndsOn()) : null);
			items.put("在留カード等の番号", (foreign != null) ? foreign.residenceCardNumber() : null);
			items.put("外国人住民となった年月日", (foreign != null) ? text(foreign.becameResidentOn()) : null);
			NotificationContent.Filer filer = content.filer();
			items.put("届出人の区分", (filer != null && filer.kind() != null) ? filer.kind().name() : null);
			items.put("届出人の氏名", (filer != null) ? filer.name() : null);
			items.put("受付日時", (notification.acceptedAt() != null) ? notification.acceptedAt().toString() : null);
			items.put("受付者", notification.acceptedBy());
			beforeAndAfter(items, change, i);
			List<String> values = new ArrayList<>();
			for (String column : header) {
				String value = items.get(column);
				String kept = (value == null) ? "" : degenerate(value, encoder);
				if (value != null && !kept.equals(value)) {
					boolean perPerson = !(column.startsWith("住所") || column.startsWith("前住所") || column.equals("方書")
							|| column.equals("世帯主の氏名") || column.equals("前世帯主の氏名") || column.startsWith("届出人")
							|| column.startsWith("残る"));
					String where = perPerson ? (i + 1) + "人目の" + column : column;
					String note = where + ": 「" + value + "」→「" + kept + "」";
					if (!notes.contains(note)) {
						notes.add(note);
					}
				}
				values.add(kept);
			}
			row(csv, values);
		}
		String report = notes.isEmpty() ? null
				: "CSV（" + charset.name() + "）で字形を保てなかった項目: " + String.join(" / ", notes);
		return new Rendered(csv.toString().getBytes(charset), report);
	}

	/**
	 * The person's household before and after (row {@code index} of the change is the
	 * notification's person {@code index}), and who stays behind with which head.
	 */
	private static void beforeAndAfter(Map<String, @Nullable String> items, @Nullable HouseholdsBeforeAfter change,
			int index) {
		if (change == null || index >= change.persons().size() || !change.persons().get(index).inNotification()) {
			return;
		}
		HouseholdsBeforeAfter.PersonRow row = change.persons().get(index);
		items.put("宛名番号", row.residentId());
		items.put("異動の区分", row.movement().name());
		items.put("異動前の世帯番号", row.householdIdBefore());
		items.put("異動前の世帯主の氏名", row.headBefore());
		items.put("異動前の続柄", row.relationshipBefore());
		items.put("異動後の世帯主の氏名", row.headAfter());
		items.put("異動後の続柄", row.relationshipAfter());
		List<HouseholdsBeforeAfter.PersonRow> staying = change.persons()
			.stream()
			.filter(r -> r.movement() == HouseholdsBeforeAfter.Movement.STAYS && !r.inNotification())
			.toList();
		if (!staying.isEmpty()) {
			items.put("残る世帯の世帯主の氏名", staying.get(0).headAfter());
			items.put("残る世帯員", String.join("、", staying.stream().map(HouseholdsBeforeAfter.PersonRow::name).toList()));
		}
	}

	/** The columns in order. */
	static List<String> header() {
		return List.of(HEADER);
	}

	/**
	 * Drops variation selectors (the base character stays) and replaces what the encoding
	 * cannot hold with 〓.
	 */
	static String degenerate(String value, CharsetEncoder encoder) {
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach(cp -> {
			if (isVariationSelector(cp)) {
				return;
			}
			String character = new String(Character.toChars(cp));
			out.append(encoder.canEncode(character) ? character : GETA);
		});
		return out.toString();
	}

	private static boolean isVariationSelector(int cp) {
		return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x180B && cp <= 0x180D);
	}

	private static String addressLine(Address address) {
		StringBuilder line = new StringBuilder();
		for (String part : new String[] { address.country(), address.prefecture(), address.city(), address.town(),
				address.block() }) {
			if (part != null) {
				line.append(part);
			}
		}
		return line.toString();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static void row(StringBuilder csv, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append('"').append(values.get(i).replace("\"", "\"\"")).append('"');
		}
		csv.append("\r\n");
	}

}
