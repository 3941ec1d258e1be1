package jp.madoguchi.moving.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.RecordOrigin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The items of a draft that came from the resident record, as the counter screen marks
 * them: the JSON paths of {@link RecordOrigin} (e.g. {@code persons[0].familyName},
 * {@code household.headName}) read in the content, and named as the form names its
 * fields.
 */
public final class RecordMarks {

	/** Came from the record and still holds what the record said. */
	public static final String FROM_RECORD = "FROM_RECORD";

	/** Came from the record and was changed by staff since. */
	public static final String CHANGED = "CHANGED";

	private RecordMarks() {
	}

	/** The paths among {@code paths} whose value differs between the two contents. */
	static List<String> changed(JsonMapper json, NotificationContent before, NotificationContent after,
			List<String> paths) {
		JsonNode old = json.valueToTree(before);
		JsonNode now = json.valueToTree(after);
		List<String> changed = new ArrayList<>();
		for (String path : paths) {
			if (!Objects.equals(value(old, path), value(now, path))) {
				changed.add(path);
			}
		}
		return changed;
	}

	/** The value at a path such as {@code persons[1].birthDate}, null when absent. */
	static JsonNode value(JsonNode tree, String path) {
		JsonNode node = tree.at("/" + path.replace("[", "/").replace("]", "").replace('.', '/'));
		return (node.isMissingNode() || node.isNull()) ? null : node;
	}

	/**
	 * The form fields to mark, by the form's field name: {@link #FROM_RECORD} or
	 * {@link #CHANGED}.
	 */
	public static Map<String, String> byFormField(RecordOrigin origin) {
		Map<String, String> marks = new LinkedHashMap<>();
		origin.fromRecord().forEach(path -> marks.put(formField(path), FROM_RECORD));
		origin.changedByStaff().forEach(path -> marks.put(formField(path), CHANGED));
		return marks;
	}

	/** The form's name for an item of the content. */
	public static String formField(String path) {
		return switch (path) {
			case "household.headName" -> "headName";
			case "household.previousHeadName" -> "previousHeadName";
			case "filer.name" -> "filerName";
			default -> path.replace(".foreignResident.", ".");
		};
	}

}
