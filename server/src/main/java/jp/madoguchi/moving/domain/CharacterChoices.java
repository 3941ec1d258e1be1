package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.CharacterChoice;
import jp.madoguchi.moving.CharacterTarget;
import jp.madoguchi.moving.CharacterToChoose;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.subject;

/**
 * Characters the resident-record target cannot carry, and staff's choice for each (issue
 * 17, "Characters chosen before they leave"). Every text item of the content is looked
 * at, whatever its kind, so a new item is covered without a change here; an item is named
 * by its JSON pointer. A choice whose item no longer holds the character (the content was
 * revised since) is kept but not applied; a character of a revised item needs its own.
 *
 * <p>
 * The choices belong to the notification (they are part of what was accepted, audited
 * with it and purged with it), so moving stores them; what the target carries is the
 * resident-record link's to say ({@link CharacterTarget}).
 */
@Service
@Transactional
public class CharacterChoices {

	/** A typed replacement is a few characters at most: it stands for one character. */
	static final int MAX_REPLACEMENT = 4;

	private final ChosenCharacters chosen;

	private final NotificationReader reader;

	private final AuditTrail audit;

	private final ObjectProvider<CharacterTarget> target;

	private final JsonMapper json;

	private final Clock clock;

	CharacterChoices(ChosenCharacters chosen, NotificationReader reader, AuditTrail audit,
			ObjectProvider<CharacterTarget> target, JsonMapper json, Clock clock) {
		this.chosen = chosen;
		this.reader = reader;
		this.audit = audit;
		this.target = target;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * What the configured target keeps, for staff; empty when no target is configured.
	 */
	@Transactional(readOnly = true)
	public Optional<String> target() {
		return Optional.ofNullable(target.getIfAvailable()).map(CharacterTarget::description);
	}

	/**
	 * Every character of the notification the target cannot carry, with its choice if
	 * made.
	 */
	@Transactional(readOnly = true)
	public List<CharacterToChoose> needed(UUID id) {
		Notification notification = reader.load(id);
		return needed(notification.content(), chosen.of(id));
	}

	/**
	 * {@link #needed(UUID)} for a caller outside the notification's page (the API): the
	 * items' text is personal data, so the read is audited like any read of the
	 * notification.
	 */
	public List<CharacterToChoose> read(UUID id) {
		List<CharacterToChoose> needed = needed(id);
		audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id), "character choices"));
		return needed;
	}

	/**
	 * Stores staff's choices (only while the notification is a draft), each audited as
	 * {@code CHARACTER_CHOSEN}; answers what is still needed.
	 */
	public List<CharacterToChoose> choose(UUID id, List<Request> requests) {
		Notification notification = reader.load(id);
		if (notification.status() != NotificationStatus.DRAFT) {
			throw ProblemException.conflict("NOTIFICATION_NOT_EDITABLE").because(notification.status().name());
		}
		CharacterTarget carrier = target.getIfAvailable();
		List<CharacterToChoose> needed = needed(notification.content(), chosen.of(id));
		for (Request request : requests) {
			boolean asked = needed.stream()
				.anyMatch(n -> n.field().equals(request.field()) && n.original().equals(request.original()));
			if (carrier == null || !asked) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_CHOICE_NOT_NEEDED",
						Map.of("field", String.valueOf(request.field())), String.valueOf(request.original()));
			}
			String replacement = request.replacement();
			if (replacement == null || replacement.isBlank() || !ExactText.isAcceptable(replacement)
					|| ExactText.length(replacement) > MAX_REPLACEMENT) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_REPLACEMENT_INVALID",
						Map.of("field", request.field()), request.original(), MAX_REPLACEMENT);
			}
			if (!carrier.carries(replacement)) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_REPLACEMENT_NOT_CARRIED",
						Map.of("field", request.field()), replacement, CharacterToChoose.codePoints(replacement));
			}
		}
		for (Request request : requests) {
			CharacterChoice choice = new CharacterChoice(request.field(), request.original(),
					String.valueOf(request.replacement()), CurrentActor.name(), clock.instant());
			chosen.save(id, choice);
			// the code points say exactly what was chosen without writing the name out
			audit.record(AuditEntry.success("CHARACTER_CHOSEN", subject(id),
					choice.field() + " " + CharacterToChoose.codePoints(choice.original()) + " → "
							+ CharacterToChoose.codePoints(choice.replacement())));
		}
		return needed(notification.content(), chosen.of(id));
	}

	/**
	 * Refuses acceptance with 422 {@code CHARACTER_CHOICES_REQUIRED}, listing what still
	 * needs a choice.
	 */
	void requireChosen(Notification notification) {
		List<CharacterToChoose> open = needed(notification.content(), chosen.of(notification.id())).stream()
			.filter(n -> n.chosen() == null)
			.toList();
		if (open.isEmpty()) {
			return;
		}
		List<Map<String, Object>> listed = new ArrayList<>();
		Set<String> characters = new LinkedHashSet<>();
		for (CharacterToChoose n : open) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", n.field());
			item.put("person", n.person());
			item.put("item", n.item());
			item.put("original", n.original());
			item.put("codePoints", n.codePoints());
			item.put("candidates", n.candidates());
			listed.add(item);
			characters.add(n.original());
		}
		throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_CHOICES_REQUIRED",
				Map.of("characters", listed), open.size(), String.join(" ", characters));
	}

	/** The choices stored for the notification. */
	@Transactional(readOnly = true)
	public List<CharacterChoice> choices(UUID id) {
		return chosen.of(id);
	}

	/** The view with the choices applied: what the target receives. */
	NotificationView applied(NotificationView view) {
		List<CharacterChoice> choices = chosen.of(view.id());
		if (choices.isEmpty()) {
			return view;
		}
		return new NotificationView(view.id(), view.version(), view.status(), applied(view.content(), choices),
				view.findings(), view.createdAt(), view.createdBy(), view.updatedAt(), view.acceptedAt(),
				view.acceptedBy());
	}

	/**
	 * Each choice replaces its character wherever it occurs in its item, whole characters
	 * only: 辻 is not replaced inside 辻󠄂.
	 */
	NotificationContent applied(NotificationContent content, List<CharacterChoice> choices) {
		JsonNode tree = json.valueToTree(content);
		walk(tree, "", (field, value) -> {
			// one pass over the entered characters: a replacement is never replaced again
			StringBuilder result = new StringBuilder(value.length());
			for (String character : ExactText.characters(value)) {
				result.append(choices.stream()
					.filter(c -> c.field().equals(field) && c.original().equals(character))
					.map(CharacterChoice::replacement)
					.findFirst()
					.orElse(character));
			}
			return result.toString().equals(value) ? null : result.toString();
		});
		return json.treeToValue(tree, NotificationContent.class);
	}

	List<CharacterToChoose> needed(NotificationContent content, List<CharacterChoice> choices) {
		CharacterTarget carrier = target.getIfAvailable();
		if (carrier == null) {
			return List.of();
		}
		List<CharacterToChoose> needed = new ArrayList<>();
		walk(json.valueToTree(content), "", (field, value) -> {
			Set<String> seen = new LinkedHashSet<>();
			for (String character : ExactText.characters(value)) {
				if (seen.add(character) && !carrier.carries(character)) {
					String made = choices.stream()
						.filter(c -> c.field().equals(field) && c.original().equals(character))
						.map(CharacterChoice::replacement)
						.findFirst()
						.orElse(null);
					needed.add(new CharacterToChoose(field, field.substring(field.lastIndexOf('/') + 1), value,
							character, carrier.candidates(character), made));
				}
			}
			return null;
		});
		return List.copyOf(needed);
	}

	/**
	 * Visits every text of the tree with its JSON pointer; a non-null answer replaces the
	 * text.
	 */
	private static void walk(JsonNode node, String pointer, BiFunction<String, String, @Nullable String> visit) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode child = object.get(name);
				String at = pointer + "/" + name;
				if (child.isString()) {
					String replaced = visit.apply(at, child.asString());
					if (replaced != null) {
						object.put(name, replaced);
					}
				}
				else {
					walk(child, at, visit);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode child = array.get(i);
				String at = pointer + "/" + i;
				if (child.isString()) {
					String replaced = visit.apply(at, child.asString());
					if (replaced != null) {
						array.set(i, array.stringNode(replaced));
					}
				}
				else {
					walk(child, at, visit);
				}
			}
		}
	}

	/** A choice as staff send it. */
	public record Request(String field, String original, @Nullable String replacement) {
	}

}
