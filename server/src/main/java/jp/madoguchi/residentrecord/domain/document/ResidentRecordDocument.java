package jp.madoguchi.residentrecord.domain.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The document the resident-record system receives for one accepted notification: every
 * item of the notification, keys named after the data items of 住民記録システム標準仕様書
 * (docs/resident-record.md maps each key), with a format version. It is a pure function
 * of the stored notification and the notification kind stored with its delivery at
 * acceptance: rendering it again after a crash gives the same bytes, even after the
 * kind's master changed, which is what makes a repeated delivery recognisable as the same
 * one.
 */
@Component
public class ResidentRecordDocument {

	/**
	 * Raised when an item is added or renamed; receivers check it before reading. 1.1
	 * added the codes of the 続柄, 異動事由 and notification-kind masters next to their labels;
	 * 1.2 the head of the household left ({@code household.previousHeadOfHouseholdName});
	 * 1.4 takes the notification kind's code and label from its master (1.2 had the API's
	 * type name as the code) and adds the households before and after
	 * ({@code householdChange}) of a notification started from the record. (1.3, the kind
	 * master alone, was never released.)
	 */
	static final String FORMAT_VERSION = "1.4";

	/**
	 * The format of a delivery written before the notification-kind master: its document
	 * stays what it was, byte for byte.
	 */
	static final String FORMAT_VERSION_WITHOUT_KIND = "1.2";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final JsonMapper json;

	ResidentRecordDocument(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param storedKind the notification kind stored with the delivery, {@code null} for
	 * a delivery written before the master (format 1.2)
	 */
	public byte[] render(UUID deliveryId, @Nullable NotificationKind storedKind, NotificationView notification) {
		return render(deliveryId, storedKind, notification, null);
	}

	/**
	 * The document with the households before and after, for a notification started from
	 * the record ({@code householdChange}; null otherwise). A delivery of format 1.2 has
	 * no such item.
	 */
	public byte[] render(UUID deliveryId, @Nullable NotificationKind storedKind, NotificationView notification,
			@Nullable HouseholdsBeforeAfter beforeAndAfter) {
		NotificationContent content = notification.content();
		ObjectNode root = json.createObjectNode();
		root.put("formatVersion", formatVersion(storedKind));
		root.put("documentType", "RESIDENT_MOVING_NOTIFICATION");
		root.put("deliveryId", deliveryId.toString());
		root.put("notificationId", notification.id().toString());
		ObjectNode change = root.putObject("change");
		change.put("type", content.type().name());
		change.put("variant", content.variant().name());
		NotificationKind kind = kind(storedKind, content.type());
		ObjectNode kindNode = change.putObject("notificationKind");
		kindNode.put("code", kind.code());
		kindNode.put("label", kind.label());
		change.put("reasonCode", content.moveReasonCode());
		change.put("reason", reason(content));
		date(change, "changeDate", content.movedOn());
		date(change, "notificationDate", content.filedOn());
		date(change, "plannedMoveOutDate", content.plannedMoveOutOn());
		date(change, "addressDeterminedDate", settlesAddress(content.type()) ? content.movedOn() : null);
		change.put("acceptedAt", (notification.acceptedAt() != null)
				? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(notification.acceptedAt().atZone(JAPAN)) : null);
		change.put("acceptedBy", notification.acceptedBy());
		address(root, "address", content.newAddress());
		address(root, "previousAddress", content.previousAddress());
		ObjectNode household = root.putObject("household");
		NotificationContent.Household given = content.household();
		household.put("headOfHouseholdName", headOfHousehold(content));
		household.put("previousHeadOfHouseholdName", previousHeadOfHousehold(content));
		household.put("newHousehold", (given != null) ? given.newHousehold() : null);
		NotificationContent.HouseholdFacts facts = (given != null) ? given.facts() : null;
		household.put("hasDog", (facts != null) ? facts.hasDog() : null);
		household.put("hasMoped", (facts != null) ? facts.hasMoped() : null);
		household.put("waterService", (facts != null) ? facts.waterService() : null);
		ArrayNode persons = root.putArray("persons");
		for (int i = 0; i < content.persons().size(); i++) {
			person(persons.addObject(), i + 1, content.persons().get(i));
		}
		ObjectNode filer = root.putObject("notifier");
		NotificationContent.Filer f = content.filer();
		filer.put("kind", (f != null && f.kind() != null) ? f.kind().name() : null);
		filer.put("name", (f != null) ? f.name() : null);
		filer.put("phone", (f != null) ? f.phone() : null);
		filer.put("powerOfAttorney", (f != null) ? f.powerOfAttorney() : null);
		ArrayNode documents = root.putArray("identityDocuments");
		content.identityDocuments().forEach(d -> documents.add(d.name()));
		if (storedKind != null) {
			householdChange(root, beforeAndAfter);
		}
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	/**
	 * 世帯の異動前・異動後: the households as recorded, and for each person who leaves, who stays
	 * and who heads the household afterwards, with the 続柄 before and after.
	 */
	private static void householdChange(ObjectNode root, @Nullable HouseholdsBeforeAfter change) {
		if (change == null) {
			root.putNull("householdChange");
			return;
		}
		ObjectNode node = root.putObject("householdChange");
		ArrayNode before = node.putArray("householdsBefore");
		for (HouseholdsBeforeAfter.HouseholdBefore household : change.householdsBefore()) {
			ObjectNode h = before.addObject();
			h.put("householdId", household.householdId());
			h.put("headOfHouseholdName", household.headName());
			h.put("members", household.members());
		}
		node.put("remainingHeadUndecided", change.remainingHeadUndecided());
		ArrayNode persons = node.putArray("persons");
		for (HouseholdsBeforeAfter.PersonRow row : change.persons()) {
			ObjectNode p = persons.addObject();
			p.put("residentId", row.residentId());
			p.put("name", row.name());
			p.put("movement", row.movement().name());
			p.put("inNotification", row.inNotification());
			ObjectNode was = p.putObject("before");
			was.put("householdId", row.householdIdBefore());
			was.put("headOfHouseholdName", row.headBefore());
			was.put("relationship", row.relationshipBefore());
			ObjectNode will = p.putObject("after");
			will.put("headOfHouseholdName", row.headAfter());
			will.put("relationship", row.relationshipAfter());
			p.put("becomesHeadOfHousehold", row.becomesHead());
			p.put("ceasesToBeHeadOfHousehold", row.headLeavesOffice());
		}
	}

	private static void person(ObjectNode node, int sequence, Person person) {
		node.put("sequence", sequence);
		node.put("familyName", person.familyName());
		node.put("givenName", person.givenName());
		node.put("familyNameKana", person.familyNameKana());
		node.put("givenNameKana", person.givenNameKana());
		node.put("formerSurname", person.formerSurname());
		date(node, "dateOfBirth", person.birthDate());
		node.put("sex", (person.sex() != null) ? person.sex().name() : null);
		node.put("relationshipCode", person.relationshipCode());
		node.put("relationship", person.relationship());
		node.put("individualNumber", person.myNumber());
		node.put("individualNumberCard", person.myNumberCard());
		node.put("registeredDomicile", person.registeredDomicile());
		node.put("familyRegisterHeadName", person.familyRegisterHead());
		node.put("nationality", person.nationality());
		ForeignResident f = person.foreignResident();
		if (f == null) {
			node.putNull("foreignResident");
		}
		else {
			ObjectNode foreign = node.putObject("foreignResident");
			foreign.put("nameAlphabet", f.nameAlphabet());
			foreign.put("commonName", f.alias());
			foreign.put("nationality", f.nationality());
			foreign.put("article30_45Category", (f.category() != null) ? f.category().name() : null);
			foreign.put("statusOfResidence", f.residenceStatus());
			date(foreign, "periodOfStayExpirationDate", f.periodOfStayEndsOn());
			foreign.put("residenceCardNumber", f.residenceCardNumber());
			date(foreign, "becameForeignResidentDate", f.becameResidentOn());
		}
		ObjectNode facts = node.putObject("facts");
		PersonFacts p = person.facts();
		facts.put("healthInsurance", (p != null && p.healthInsurance() != null) ? p.healthInsurance().name() : null);
		facts.put("careCertified", (p != null) ? p.careCertified() : null);
		facts.put("disabilityCertificate", (p != null) ? p.disabilityCertificate() : null);
		facts.put("pregnant", (p != null) ? p.pregnant() : null);
		facts.put("inNursery", (p != null) ? p.inNursery() : null);
		facts.put("publicAssistance", (p != null) ? p.publicAssistance() : null);
		facts.put("singleParent", (p != null) ? p.singleParent() : null);
	}

	private static void address(ObjectNode root, String name, @Nullable Address address) {
		if (address == null) {
			root.putNull(name);
			return;
		}
		ObjectNode node = root.putObject(name);
		node.put("postalCode", address.postalCode());
		node.put("prefecture", address.prefecture());
		node.put("municipality", address.city());
		node.put("town", address.town());
		node.put("lotNumber", address.block());
		node.put("katagaki", address.building());
		node.put("country", address.country());
		node.put("fullAddress", address.oneLine());
	}

	private static void date(ObjectNode node, String name, @Nullable LocalDate date) {
		node.put(name, (date != null) ? date.toString() : null);
	}

	/** 住所を定めた年月日 is the move for 転入 and 転居; 転出 and 世帯変更 do not set it. */
	static boolean settlesAddress(NotificationType type) {
		return type == NotificationType.MOVE_IN || type == NotificationType.MOVE_WITHIN;
	}

	/** 世帯主の氏名: as named on the form, else the person whose 続柄 is 世帯主. */
	static @Nullable String headOfHousehold(NotificationContent content) {
		NotificationContent.Household household = content.household();
		if (household != null && household.headName() != null && !household.headName().isBlank()) {
			return household.headName();
		}
		return content.persons()
			.stream()
			.filter(p -> "世帯主".equals(p.relationship()))
			.findFirst()
			.map(Person::fullName)
			.orElse(null);
	}

	/** 前世帯主の氏名: the head of the household left, as named on the form (世帯変更). */
	static @Nullable String previousHeadOfHousehold(NotificationContent content) {
		NotificationContent.Household household = content.household();
		return (household != null) ? household.previousHeadName() : null;
	}

	/**
	 * 異動事由 as the master labelled it when the notification was saved; for one saved
	 * without it, the name the standard gives the notification's kind.
	 */
	static String reason(NotificationContent content) {
		String stored = content.moveReason();
		return (stored != null && !stored.isBlank()) ? stored : reasonName(content.type(), content.variant());
	}

	static String formatVersion(@Nullable NotificationKind storedKind) {
		return (storedKind != null) ? FORMAT_VERSION : FORMAT_VERSION_WITHOUT_KIND;
	}

	/**
	 * The kind stored with the delivery; for a delivery written before the master, the
	 * API's type name and the notification's name in 住民基本台帳法 §22-25, as format 1.2 had
	 * them.
	 */
	static NotificationKind kind(@Nullable NotificationKind storedKind, NotificationType type) {
		return (storedKind != null) ? storedKind : new NotificationKind(type.name(), kindName(type));
	}

	private static String kindName(NotificationType type) {
		return switch (type) {
			case MOVE_IN -> "転入届";
			case MOVE_OUT -> "転出届";
			case MOVE_WITHIN -> "転居届";
			case HOUSEHOLD_CHANGE -> "世帯変更届";
		};
	}

	/** 異動事由 as the standard names them. */
	static String reasonName(NotificationType type, Variant variant) {
		switch (type) {
			case MOVE_IN:
				return (variant == Variant.FROM_ABROAD) ? "国外転入" : (variant == Variant.SPECIAL) ? "転入（特例転入）" : "転入";
			case MOVE_OUT:
				return (variant == Variant.TO_ABROAD) ? "国外転出" : "転出";
			case MOVE_WITHIN:
				return "転居";
			default:
				switch (variant) {
					case HEAD_CHANGE:
						return "世帯主変更";
					case SEPARATION:
						return "世帯分離";
					case MERGER:
						return "世帯合併";
					default:
						return "世帯構成変更";
				}
		}
	}

}
