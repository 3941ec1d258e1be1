package jp.madoguchi.residentrecord.domain.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
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
 * of the stored notification: rendering it again after a crash gives the same bytes,
 * which is what makes a repeated delivery recognisable as the same one.
 */
@Component
public class ResidentRecordDocument {

	/** Raised when an item is added or renamed; receivers check it before reading. */
	static final String FORMAT_VERSION = "1.0";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final JsonMapper json;

	ResidentRecordDocument(JsonMapper json) {
		this.json = json;
	}

	public byte[] render(UUID deliveryId, NotificationView notification) {
		NotificationContent content = notification.content();
		ObjectNode root = json.createObjectNode();
		root.put("formatVersion", FORMAT_VERSION);
		root.put("documentType", "RESIDENT_MOVING_NOTIFICATION");
		root.put("deliveryId", deliveryId.toString());
		root.put("notificationId", notification.id().toString());
		ObjectNode change = root.putObject("change");
		change.put("type", content.type().name());
		change.put("variant", content.variant().name());
		change.put("reason", reasonName(content.type(), content.variant()));
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
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
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
