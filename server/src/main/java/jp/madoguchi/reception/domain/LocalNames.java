package jp.madoguchi.reception.domain;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The names of a queue or counter in the resident languages beyond Japanese and English
 * (issue 21): 中文（简体） {@code zh}, 한국어 {@code ko}, Tiếng Việt {@code vi}, Português
 * {@code pt}. The kiosk and the call display show a name in the resident's language, else
 * the English name, else the Japanese one.
 */
public final class LocalNames {

	/**
	 * The languages a master name may be translated into (Japanese and English have
	 * columns).
	 */
	public static final List<String> LANGUAGES = List.of("zh", "ko", "vi", "pt");

	private LocalNames() {
	}

	/** Only the known languages with a text, stripped, in a fixed order; never null. */
	static Map<String, String> of(@Nullable Map<String, String> names) {
		Map<String, String> kept = new TreeMap<>();
		if (names != null) {
			names.forEach((language, text) -> {
				if (LANGUAGES.contains(language) && text != null && !text.isBlank()) {
					kept.put(language, text.strip());
				}
			});
		}
		return Collections.unmodifiableMap(kept);
	}

	/**
	 * The name in a language ({@code ja}, {@code en}, {@code zh}, {@code zh-CN},
	 * {@code pt-BR}, …): its translation, else English, else Japanese.
	 */
	static String pick(String japanese, String english, Map<String, String> names, String language) {
		String primary = language.toLowerCase(Locale.ROOT).replace('_', '-').split("-", 2)[0];
		if (primary.equals("ja")) {
			return japanese;
		}
		String own = names.get(primary);
		if (own != null) {
			return own;
		}
		return english.isBlank() ? japanese : english;
	}

}
