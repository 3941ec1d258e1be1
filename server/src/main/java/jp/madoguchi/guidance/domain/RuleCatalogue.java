package jp.madoguchi.guidance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The stored procedure master and rule versions (counter role only). */
public interface RuleCatalogue {

	/** Grows with every change, so that caches know when to reload. */
	long revision();

	/**
	 * The procedures, each with the translations that still translate its Japanese
	 * ({@link Procedure#translations()}).
	 */
	List<Procedure> procedures();

	Optional<Procedure> procedure(String code);

	List<RuleVersion> rules();

	List<StoredRule> rulesOf(String code);

	/**
	 * Stores a rule version from {@code effectiveFrom}: replaces the text of a version
	 * that starts that day, else inserts a new one that runs until the next version
	 * starts, and ends the version before it on the day before. Bumps the revision.
	 */
	RuleVersion saveRule(String code, LocalDate effectiveFrom, String source, @Nullable String note, String user);

	/**
	 * Replaces what a procedure says (names, counter, documents, forms, order); bumps the
	 * revision.
	 */
	void saveProcedure(Procedure procedure);

	/** Every stored translation of procedure texts, outdated ones included. */
	List<Translation> translations();

	/**
	 * Stores (or replaces) the translation of one field of a procedure, with the Japanese
	 * it translates; bumps the revision.
	 */
	void saveTranslation(String code, String field, String language, String text, String sourceText, String user);

	/** Removes a translation; bumps the revision when there was one. */
	boolean deleteTranslation(String code, String field, String language);

	/** A rule version with who stored it and why. */
	record StoredRule(RuleVersion version, @Nullable String note, Instant createdAt, String createdBy) {
	}

}
