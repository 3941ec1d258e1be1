package jp.madoguchi.guidance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A procedure of the master (手続きマスタ).
 *
 * @param building 庁舎, e.g. 防災庁舎
 * @param floor e.g. 1階
 * @param window e.g. 3番窓口
 * @param noFormReason why the procedure has no form (shown on the guide), null when it
 * names forms or nobody has said yet
 * @param translations what residents read in other languages: language ({@code en},
 * {@code zh}, {@code ko}, {@code vi}, {@code pt}) → field ({@link #residentTexts()}) →
 * text; only translations of the Japanese as it is now (an outdated one is left out)
 */
public record Procedure(String code, String name, String nameEn, String plainName, String department, String building,
		String floor, String window, List<String> documents, List<String> forms, String explanation, int routeOrder,
		@Nullable String noFormReason, Map<String, Map<String, String>> translations) {

	/** The fields residents read besides the name: what to bring and why. */
	public static final String NAME = "name";

	public static final String EXPLANATION = "explanation";

	public static final String NO_FORM_REASON = "noFormReason";

	public static final String DOCUMENTS = "documents.";

	/**
	 * The field of a translated rule reason: {@code reason.} and the first 8 hex digits
	 * of the SHA-256 of the Japanese template ({@link #reasonField(String)}).
	 */
	public static final String REASON = "reason.";

	/**
	 * The translation field of a rule's reason template (issue 21): named after the
	 * Japanese itself, so that a rule whose reason changes simply has no translation of
	 * the new text (residents read the Japanese, marked) until someone translates it.
	 */
	public static String reasonField(String template) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
			return REASON + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Procedure {
		documents = List.copyOf(documents);
		forms = List.copyOf(forms);
		noFormReason = (noFormReason == null || noFormReason.isBlank()) ? null : noFormReason.strip();
		Map<String, Map<String, String>> copy = new TreeMap<>();
		(translations != null ? translations : Map.<String, Map<String, String>>of())
			.forEach((language, texts) -> copy.put(language, Collections.unmodifiableMap(new TreeMap<>(texts))));
		translations = Collections.unmodifiableMap(copy);
	}

	/** A procedure without translations (as the master screens and the API edit it). */
	public Procedure(String code, String name, String nameEn, String plainName, String department, String building,
			String floor, String window, List<String> documents, List<String> forms, String explanation, int routeOrder,
			@Nullable String noFormReason) {
		this(code, name, nameEn, plainName, department, building, floor, window, documents, forms, explanation,
				routeOrder, noFormReason, Map.of());
	}

	/** Where to go, as one line: "防災庁舎 1階 3番窓口". */
	public String counter() {
		return String.join(" ", building, floor, window).strip();
	}

	/**
	 * The Japanese texts a resident reads and that are translated, by field:
	 * {@code name}, {@code documents.0}, {@code documents.1}, …, {@code explanation},
	 * {@code noFormReason} (when there is one). Empty texts are left out.
	 */
	public Map<String, String> residentTexts() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(NAME, name);
		for (int i = 0; i < documents.size(); i++) {
			texts.put(DOCUMENTS + i, documents.get(i));
		}
		if (!explanation.isBlank()) {
			texts.put(EXPLANATION, explanation);
		}
		if (noFormReason != null) {
			texts.put(NO_FORM_REASON, noFormReason);
		}
		return texts;
	}

	/** The same procedure with these translations. */
	public Procedure withTranslations(Map<String, Map<String, String>> translated) {
		return new Procedure(code, name, nameEn, plainName, department, building, floor, window, documents, forms,
				explanation, routeOrder, noFormReason, translated);
	}

}
