package jp.madoguchi.guidance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a resident reads of one procedure, in the resident's language: the master's
 * translation, else English, else Japanese. {@code fallbacks} says, per field, which
 * language was used instead, so that nothing missing goes unnoticed (the guide marks
 * those texts and the master screen lists them).
 *
 * @param language the language asked for: {@code ja}, {@code easy} (やさしい日本語), {@code en},
 * {@code zh}, {@code ko}, {@code vi} or {@code pt}
 * @param fallbacks field ({@code name}, {@code documents.0}, {@code explanation},
 * {@code noFormReason}, {@code reasons.0} …) → the language shown instead ({@code en} or
 * {@code ja})
 * @param reasons the procedure's reasons ({@link GuidedProcedure#reasons()}, same order):
 * the translation of the rule's reason template with the same person named, else English,
 * else the Japanese
 */
public record ResidentTexts(String language, String name, List<String> documents, String explanation,
		@Nullable String noFormReason, List<String> reasons, Map<String, String> fallbacks) {

	/** The fallbacks key of the reason at this position. */
	public static String reasonKey(int index) {
		return "reasons." + index;
	}

	/** The languages a procedure's texts are translated into (Japanese is the master). */
	public static final List<String> TRANSLATED = List.of("en", "zh", "ko", "vi", "pt");

	private static final Set<String> KNOWN = Set.of("ja", "easy", "en", "zh", "ko", "vi", "pt");

	public ResidentTexts {
		documents = List.copyOf(documents);
		reasons = List.copyOf(reasons);
		fallbacks = Map.copyOf(fallbacks);
	}

	/**
	 * The language of a request parameter or locale tag: {@code zh-CN} → {@code zh},
	 * {@code pt-BR} → {@code pt}, {@code ja-easy}/{@code ja__easy}/{@code easy} →
	 * {@code easy}; null or a language the site does not speak → {@code ja}.
	 */
	public static String language(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return "ja";
		}
		String lower = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		if (lower.equals("easy") || lower.startsWith("ja-easy") || lower.startsWith("ja--easy")) {
			return "easy";
		}
		String primary = lower.split("-", 2)[0];
		return KNOWN.contains(primary) ? primary : "ja";
	}

}
