package jp.madoguchi.moving.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.subject;

/**
 * A card read (the My Number card's four items) or a pre-application that differs from
 * what a draft holds from the resident record: the differences side by side, item by
 * item, and nothing changed until staff choose. Names compare code point for code point
 * (a variation selector is a difference; spaces between family and given name are not);
 * addresses compare without spaces and widths (the card writes ７丁目５番地). Each choice is
 * audited with the item and the side chosen, never the values.
 */
@Service
@Transactional
public class RecordDifferences {

	static final String AUDIT_ACTION = "RECORD_DIFFERENCE_CHOSEN";

	/** The source of a comparison with the My Number card's four items. */
	public static final String CARD = "CARD";

	/** The source of a comparison with a pre-application (QR code). */
	public static final String PREFILING = "PREFILING";

	private static final String[] ADDRESS_PARTS = { "postalCode", "prefecture", "city", "town", "block", "building" };

	private static final Pattern PREFECTURE = Pattern.compile("^(東京都|北海道|京都府|大阪府|.{2,3}県)");

	private static final Pattern CITY = Pattern.compile("^(.+?郡.+?[町村]|.+?市.+?区|.+?[市区町村])");

	private final NotificationQueries queries;

	private final NotificationEditing editing;

	private final AuditTrail audit;

	private final JsonMapper json;

	RecordDifferences(NotificationQueries queries, NotificationEditing editing, AuditTrail audit, JsonMapper json) {
		this.queries = queries;
		this.editing = editing;
		this.audit = audit;
		this.json = json;
	}

	/** What was read elsewhere: the card's four items, for one person of the draft. */
	public record Read(String source, int person, @Nullable String name, @Nullable LocalDate birthDate,
			@Nullable String sex, @Nullable String address) {
	}

	/**
	 * One item that differs: its path in the content, what the draft holds (from the
	 * record) and what the card or pre-application says.
	 */
	public record Difference(String item, int person, @Nullable String recorded, String read) {
	}

	/** Staff's choice for one difference: keep the record's value, or take the other. */
	public record Choice(String item, String read, boolean takeRead) {
	}

	/** The items of the draft that differ from what was read; none when all agree. */
	@Transactional(readOnly = true)
	public List<Difference> compare(UUID id, Read read) {
		NotificationView view = queries.read(id, false);
		List<Person> persons = view.content().persons();
		if (read.person() < 0 || read.person() >= persons.size()) {
			throw ProblemException.invalid("VALIDATION_FAILED", "person", 1, persons.size()).because("range");
		}
		Person person = persons.get(read.person());
		String path = "persons[" + read.person() + "].";
		List<Difference> differences = new ArrayList<>();
		if (read.name() != null && !read.name().isBlank()) {
			String[] name = splitName(read.name());
			differ(differences, path + "familyName", read.person(), person.familyName(), name[0]);
			differ(differences, path + "givenName", read.person(), person.givenName(), name[1]);
		}
		if (read.birthDate() != null) {
			differ(differences, path + "birthDate", read.person(), text(person.birthDate()),
					read.birthDate().toString());
		}
		if (read.sex() != null && !read.sex().isBlank() && !read.sex().equals("NOT_KNOWN")) {
			differ(differences, path + "sex", read.person(), text(person.sex()), read.sex());
		}
		Address address = (view.content().previousAddress() != null) ? view.content().previousAddress()
				: view.content().newAddress();
		String addressPath = (view.content().previousAddress() != null) ? "previousAddress" : "newAddress";
		if (read.address() != null && !read.address().isBlank() && address != null
				&& !comparable(address.oneLine()).equals(comparable(read.address()))) {
			differences.add(new Difference(addressPath, read.person(), address.oneLine(), read.address()));
		}
		audit.record(AuditEntry.success("RECORD_DIFFERENCES_SHOWN", subject(id),
				"source=" + read.source() + " person=" + (read.person() + 1) + " differences=" + differences.size()));
		return differences;
	}

	/**
	 * Applies staff's choices: an item whose choice takes the read value gets it (it then
	 * shows 変更あり); the others keep the record's. Every choice is audited.
	 */
	public NotificationView choose(UUID id, String source, List<Choice> choices) {
		NotificationView view = queries.read(id, false);
		if (view.status() != NotificationStatus.DRAFT) {
			throw ProblemException.conflict("NOTIFICATION_NOT_EDITABLE");
		}
		JsonNode tree = json.valueToTree(view.content());
		boolean changed = false;
		for (Choice choice : choices) {
			if (!choice.item()
				.matches("persons\\[\\d+]\\.(familyName|givenName|familyNameKana|givenNameKana|birthDate|sex)"
						+ "|(previousAddress|newAddress)(\\.(postalCode|prefecture|city|town|block|building))?"
						+ "|movedOn|plannedMoveOutOn")) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
						Map.of("field", "item"));
			}
			if (choice.takeRead()) {
				put(tree, choice.item(), choice.read());
				changed = true;
			}
			audit.record(AuditEntry.success(AUDIT_ACTION, subject(id), "source=" + source + " item=" + choice.item()
					+ " chosen=" + (choice.takeRead() ? source : "RECORD")));
		}
		if (!changed) {
			return view;
		}
		NotificationContent content = json.treeToValue(tree, NotificationContent.class);
		return editing.revise(id, view.version(), content, false);
	}

	/**
	 * A pre-application (QR code) for persons on the record, against a draft from the
	 * record: each person of the pre-application matched with the draft's (the same birth
	 * date, else the same place), then name, kana, birth date and sex item by item; the
	 * address the record gave (the previous one, or for a 世帯変更 the current one) part by
	 * part without widths and spaces; and what the record cannot know and the draft lacks
	 * or holds otherwise (the new address of a move, the dates). An empty item of the
	 * pre-application is no difference. The same rows and the same choice as a card read;
	 * nothing changes until staff choose.
	 */
	@Transactional(readOnly = true)
	public List<Difference> comparePreApplication(UUID id, NotificationContent read) {
		NotificationView view = queries.read(id, false);
		NotificationContent draft = view.content();
		List<Person> persons = draft.persons();
		List<Difference> differences = new ArrayList<>();
		List<Integer> used = new ArrayList<>();
		int unmatched = 0;
		for (int p = 0; p < read.persons().size(); p++) {
			Person other = read.persons().get(p);
			int i = matching(persons, other, p, used);
			if (i < 0) {
				unmatched++;
				continue;
			}
			used.add(i);
			Person person = persons.get(i);
			String path = "persons[" + i + "].";
			differIfGiven(differences, path + "familyName", i, person.familyName(), other.familyName());
			differIfGiven(differences, path + "givenName", i, person.givenName(), other.givenName());
			differIfGiven(differences, path + "familyNameKana", i, person.familyNameKana(), other.familyNameKana());
			differIfGiven(differences, path + "givenNameKana", i, person.givenNameKana(), other.givenNameKana());
			differIfGiven(differences, path + "birthDate", i, text(person.birthDate()), text(other.birthDate()));
			differIfGiven(differences, path + "sex", i, text(person.sex()), text(other.sex()));
		}
		boolean moves = draft.previousAddress() != null;
		String recordedPath = moves ? "previousAddress" : "newAddress";
		addressDifferences(differences, recordedPath, moves ? draft.previousAddress() : draft.newAddress(),
				moves ? read.previousAddress() : read.newAddress());
		if (moves) {
			addressDifferences(differences, "newAddress", draft.newAddress(), read.newAddress());
		}
		differIfGiven(differences, "movedOn", 0, text(draft.movedOn()), text(read.movedOn()));
		differIfGiven(differences, "plannedMoveOutOn", 0, text(draft.plannedMoveOutOn()),
				text(read.plannedMoveOutOn()));
		audit.record(AuditEntry.success("RECORD_DIFFERENCES_SHOWN", subject(id), "source=" + PREFILING + " persons="
				+ read.persons().size() + " unmatched=" + unmatched + " differences=" + differences.size()));
		return differences;
	}

	/**
	 * The draft's person a person of the pre-application is: the one not yet matched with
	 * the same birth date, else the one at the same place; -1 when none.
	 */
	private static int matching(List<Person> persons, Person other, int place, List<Integer> used) {
		if (other.birthDate() != null) {
			for (int i = 0; i < persons.size(); i++) {
				if (!used.contains(i) && other.birthDate().equals(persons.get(i).birthDate())) {
					return i;
				}
			}
		}
		return (place < persons.size() && !used.contains(place)) ? place : -1;
	}

	private static void addressDifferences(List<Difference> differences, String path, @Nullable Address recorded,
			@Nullable Address read) {
		if (read == null) {
			return;
		}
		for (String part : ADDRESS_PARTS) {
			String mine = (recorded != null) ? part(recorded, part) : null;
			String theirs = part(read, part);
			if (theirs != null && !theirs.isBlank() && (mine == null || !comparable(mine).equals(comparable(theirs)))) {
				differences.add(new Difference(path + "." + part, 0, mine, theirs));
			}
		}
	}

	private static @Nullable String part(Address address, String part) {
		return switch (part) {
			case "postalCode" -> address.postalCode();
			case "prefecture" -> address.prefecture();
			case "city" -> address.city();
			case "town" -> address.town();
			case "block" -> address.block();
			default -> address.building();
		};
	}

	private static void differIfGiven(List<Difference> differences, String item, int person, @Nullable String recorded,
			@Nullable String read) {
		if (read != null && !read.isBlank()) {
			differ(differences, item, person, recorded, read);
		}
	}

	private static void put(JsonNode tree, String item, String value) {
		if (item.matches("(previousAddress|newAddress)\\..+")) {
			String address = item.substring(0, item.indexOf('.'));
			ObjectNode node = (tree.get(address) instanceof ObjectNode found) ? found
					: ((ObjectNode) tree).putObject(address);
			node.put(item.substring(item.indexOf('.') + 1), value);
			return;
		}
		if (item.equals("movedOn") || item.equals("plannedMoveOutOn")) {
			((ObjectNode) tree).put(item, value);
			return;
		}
		if (item.endsWith("Address")) {
			ObjectNode address = (tree.get(item) instanceof ObjectNode node) ? node
					: ((ObjectNode) tree).putObject(item);
			String rest = value.strip();
			Matcher prefecture = PREFECTURE.matcher(rest);
			String pref = prefecture.find() ? prefecture.group(1) : "";
			rest = rest.substring(pref.length());
			Matcher city = CITY.matcher(rest);
			String municipality = city.find() ? city.group(1) : "";
			address.put("prefecture", pref);
			address.put("city", municipality);
			address.put("town", rest.substring(municipality.length()));
			address.putNull("block");
			address.putNull("building");
			return;
		}
		int dot = item.indexOf('.');
		int index = Integer.parseInt(item.substring("persons[".length(), item.indexOf(']')));
		((ObjectNode) tree.get("persons").get(index)).put(item.substring(dot + 1), value);
	}

	private static void differ(List<Difference> differences, String item, int person, @Nullable String recorded,
			String read) {
		if (!Objects.equals(recorded, read)) {
			differences.add(new Difference(item, person, recorded, read));
		}
	}

	/** The card's name in one string: family name, a space (often U+3000), given name. */
	static String[] splitName(String name) {
		String[] parts = name.strip().split("[\\s\u3000]+", 2);
		return (parts.length == 2) ? parts : new String[] { parts[0], "" };
	}

	/** An address as compared: compatibility forms folded (widths), no spaces. */
	static String comparable(String address) {
		return Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]", "");
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
