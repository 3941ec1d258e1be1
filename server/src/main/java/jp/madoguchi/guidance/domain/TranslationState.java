package jp.madoguchi.guidance.domain;

import org.jspecify.annotations.Nullable;

/**
 * Whether one text of a procedure is translated into one language: the master screen's
 * and the API's view, and the list of what is missing.
 *
 * @param field {@code name}, {@code documents.0}, …, {@code explanation},
 * {@code noFormReason}
 * @param japanese the text residents would otherwise read in Japanese
 * @param text the translation (for {@link Status#OUTDATED}: the old one, which residents
 * no longer see)
 */
public record TranslationState(String code, String field, String japanese, String language, Status status,
		@Nullable String text) {

	public enum Status {

		/** Translated from the Japanese as it is now. */
		TRANSLATED,
		/** Translated, but the Japanese has changed since: residents get the fallback. */
		OUTDATED,
		/** Not translated: residents get English, else Japanese. */
		MISSING

	}

	public boolean missing() {
		return status != Status.TRANSLATED;
	}

}
