package jp.madoguchi.guidance.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.guidance.rules.Rule;
import jp.madoguchi.guidance.rules.RuleSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The whole master, compiled once: procedures in route order, each with its rule
 * versions. A version that does not compile stays in the book with its error, so that
 * evaluation can report it instead of silently dropping the procedure.
 */
public final class RuleBook {

	private final String version;

	private final List<Entry> entries;

	private RuleBook(String version, List<Entry> entries) {
		this.version = version;
		this.entries = List.copyOf(entries);
	}

	public static RuleBook compile(String version, List<Procedure> procedures, List<RuleVersion> rules) {
		Map<String, List<RuleVersion>> byProcedure = rules.stream()
			.collect(Collectors.groupingBy(RuleVersion::procedureCode));
		List<Entry> entries = new ArrayList<>();
		procedures.stream()
			.sorted(Comparator.comparingInt(Procedure::routeOrder).thenComparing(Procedure::code))
			.forEach((procedure) -> entries.add(new Entry(procedure,
					byProcedure.getOrDefault(procedure.code(), List.of())
						.stream()
						.sorted(Comparator.comparing(RuleVersion::effectiveFrom))
						.map(CompiledVersion::of)
						.toList())));
		return new RuleBook(version, entries);
	}

	public String version() {
		return version;
	}

	public List<Entry> entries() {
		return entries;
	}

	/** A procedure with its rule versions. */
	public record Entry(Procedure procedure, List<CompiledVersion> versions) {
	}

	/** A rule version and either its compiled rule or the error that stopped it. */
	public record CompiledVersion(RuleVersion version, @Nullable Rule rule, @Nullable RuleSyntaxException error) {

		static CompiledVersion of(RuleVersion version) {
			try {
				return new CompiledVersion(version, Rule.parse(version.source()), null);
			}
			catch (RuleSyntaxException ex) {
				return new CompiledVersion(version, null, ex);
			}
		}

	}

}
