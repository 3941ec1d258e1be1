package jp.madoguchi.forms.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.UnprintableCharacter;

import org.springframework.http.HttpStatus;

/**
 * 422 {@code UNPRINTABLE_CHARACTER}: characters the print font cannot show faithfully,
 * each with the field it is in. The form is refused rather than printed with a blank box
 * or a look-alike glyph: a wrong name on an official form is worse than none.
 */
public class UnprintableCharacterException extends ProblemException {

	private final List<Map<String, Object>> characters;

	public UnprintableCharacterException(List<Map<String, Object>> characters) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "UNPRINTABLE_CHARACTER", Map.of("characters", List.copyOf(characters)),
				list(characters));
		this.characters = List.copyOf(characters);
	}

	/** One entry per character: field, sequence, code points and reason. */
	public static Map<String, Object> entry(String field, UnprintableCharacter character) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("field", field);
		entry.put("sequence", character.sequence());
		entry.put("codePoints", character.codePoints());
		entry.put("reason", character.reason());
		return entry;
	}

	static UnprintableCharacterException of(String field, String text) {
		return new UnprintableCharacterException(
				List.of(Map.of("field", field, "sequence", text, "codePoints", "", "reason", "印字フォントにない文字が含まれています")));
	}

	public List<Map<String, Object>> characters() {
		return characters;
	}

	private static String list(List<Map<String, Object>> characters) {
		return characters.stream()
			.map(c -> c.get("field") + " \"" + c.get("sequence") + "\" (" + c.get("codePoints") + ")")
			.collect(Collectors.joining(", "));
	}

}
