package jp.madoguchi.guidance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The exported rule set (GET /api/v1/guidance/bundle): everything the engine needs, so
 * that the public role can run the guide without a database.
 *
 * @param format the bundle's format, {@value #FORMAT} (2 added the procedures'
 * translations); readers refuse newer formats
 * @param version the revision of the master and a hash of the content, e.g.
 * "r12-3fa9c0d1e2b4"
 * @param effectiveDates every date on which some rule starts or ends being in force
 */
public record RuleBundle(int format, String version, Instant generatedAt, List<LocalDate> effectiveDates,
		List<BundleProcedure> procedures) {

	public static final int FORMAT = 2;

	public RuleBundle {
		effectiveDates = List.copyOf(effectiveDates);
		procedures = List.copyOf(procedures);
	}

	/**
	 * Builds a bundle; its version hashes the content so equal content has equal
	 * versions.
	 */
	public static RuleBundle of(long revision, Instant generatedAt, List<Procedure> procedures,
			List<RuleVersion> rules) {
		List<BundleProcedure> entries = procedures.stream()
			.map((p) -> new BundleProcedure(p,
					rules.stream()
						.filter((r) -> r.procedureCode().equals(p.code()))
						.map((r) -> new BundleRule(r.id(), r.effectiveFrom(), r.effectiveTo(), r.source()))
						.toList()))
			.toList();
		TreeSet<LocalDate> dates = new TreeSet<>();
		for (RuleVersion rule : rules) {
			dates.add(rule.effectiveFrom());
			if (rule.effectiveTo() != null) {
				dates.add(rule.effectiveTo().plusDays(1));
			}
		}
		return new RuleBundle(FORMAT, "r" + revision + "-" + hash(entries), generatedAt, List.copyOf(dates), entries);
	}

	public RuleBook toRuleBook() {
		return RuleBook.compile(version, procedures.stream().map(BundleProcedure::procedure).toList(),
				procedures.stream().flatMap((p) -> p.ruleVersions().stream()).toList());
	}

	private static String hash(List<BundleProcedure> entries) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(entries.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A procedure of the master with its rule versions and its translations (language →
	 * field → text; absent in format 1).
	 */
	public record BundleProcedure(String code, String name, String nameEn, String plainName, String department,
			String building, String floor, String window, List<String> documents, List<String> forms,
			String explanation, int routeOrder, List<BundleRule> rules, @Nullable String noFormReason,
			Map<String, Map<String, String>> translations) {

		BundleProcedure(Procedure p, List<BundleRule> rules) {
			this(p.code(), p.name(), p.nameEn(), p.plainName(), p.department(), p.building(), p.floor(), p.window(),
					p.documents(), p.forms(), p.explanation(), p.routeOrder(), rules, p.noFormReason(),
					p.translations());
		}

		public BundleProcedure(String code, String name, String nameEn, String plainName, String department,
				String building, String floor, String window, List<String> documents, List<String> forms,
				String explanation, int routeOrder, List<BundleRule> rules, @Nullable String noFormReason) {
			this(code, name, nameEn, plainName, department, building, floor, window, documents, forms, explanation,
					routeOrder, rules, noFormReason, Map.of());
		}

		public BundleProcedure {
			documents = List.copyOf(documents);
			forms = List.copyOf(forms);
			rules = List.copyOf(rules);
			Map<String, Map<String, String>> sorted = new TreeMap<>();
			(translations != null ? translations : Map.<String, Map<String, String>>of())
				.forEach((language, texts) -> sorted.put(language, new TreeMap<>(texts)));
			translations = Collections.unmodifiableMap(sorted);
		}

		Procedure procedure() {
			return new Procedure(code, name, nameEn, plainName, department, building, floor, window, documents, forms,
					explanation, routeOrder, noFormReason, translations);
		}

		List<RuleVersion> ruleVersions() {
			return rules.stream()
				.map((r) -> new RuleVersion(r.id(), code, r.effectiveFrom(), r.effectiveTo(), r.source()))
				.toList();
		}

	}

	/** One rule version. */
	public record BundleRule(String id, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, String source) {
	}

}
