package jp.madoguchi.guidance.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * A compiled rule of the guide. The text reads like this:
 *
 * <pre>
 * # 転入して、職場の保険に入っていない75歳未満の人
 * on MOVE_IN
 * each person where healthInsurance in (NHI, NONE) and age &lt; 75
 *   reason "{person}が国民健康保険に加入する必要があるため"
 * </pre>
 *
 * {@code on} names the notification kinds, optionally with variants
 * ({@code MOVE_IN(DOMESTIC, SPECIAL)}). Each clause is {@code each person where …} (one
 * reason per person who matches; {@code {person}} in the reason names them) or
 * {@code household where …} (one reason for the household). Conditions combine facts of
 * {@link FactCatalogue} with {@code and}, {@code or}, {@code not}, comparisons and
 * {@code in (…)}. An unknown fact counts as false; a comparison with an unknown value is
 * false except {@code !=}.
 */
public final class Rule {

	private final Map<NotificationType, Set<Variant>> on;

	private final List<Clause> clauses;

	Rule(Map<NotificationType, Set<Variant>> on, List<Clause> clauses) {
		this.on = new EnumMap<>(on);
		this.clauses = List.copyOf(clauses);
	}

	/**
	 * Compiles a rule text.
	 * @throws RuleSyntaxException with the line, column and reason of the first error
	 */
	public static Rule parse(String source) {
		return new Parser(source).rule();
	}

	/** Whether the rule looks at notifications of this kind at all. */
	public boolean appliesTo(NotificationType type, Variant variant) {
		Set<Variant> variants = on.get(type);
		return variants != null && (variants.isEmpty() || variants.contains(variant));
	}

	/**
	 * The reasons this rule gives for the subject, in clause and person order, duplicates
	 * removed; empty when the procedure does not apply.
	 */
	public List<String> reasons(RuleSubject subject) {
		return match(subject).reasons();
	}

	/**
	 * The reasons this rule gives for the subject and the persons its {@code each person}
	 * clauses named (their positions from 0, each once, in the household's order).
	 */
	public Match match(RuleSubject subject) {
		List<Reason> reasons = new ArrayList<>();
		SortedSet<Integer> persons = new TreeSet<>();
		if (appliesTo(subject.type(), subject.variant())) {
			for (Clause clause : clauses) {
				clause.collect(subject, reasons, persons);
			}
		}
		return new Match(reasons, List.copyOf(persons));
	}

	/** The reason templates of the clauses, as written ({@code {person}} unreplaced). */
	public List<String> reasonTemplates() {
		return clauses.stream().map(Clause::reason).distinct().toList();
	}

	/**
	 * What a rule found: the reasons, and the persons named (positions from 0).
	 */
	public record Match(List<Reason> explained, List<Integer> persons) {

		public Match {
			explained = List.copyOf(explained);
			persons = List.copyOf(persons);
		}

		/** The reasons as the guide prints them in Japanese. */
		public List<String> reasons() {
			return explained.stream().map(Reason::text).toList();
		}

	}

	/**
	 * One reason: its text, the clause's template it came from and the person's label
	 * that replaced {@code {person}} (null for a household clause), so that a translation
	 * of the template can name the same person.
	 */
	public record Reason(String text, String template, @Nullable String person) {

		/** A translation of the template with the same person. */
		public String in(String translatedTemplate) {
			return (person != null) ? translatedTemplate.replace("{person}", person) : translatedTemplate;
		}

	}

	/** One {@code each person} or {@code household} clause with its reason template. */
	record Clause(boolean perPerson, Node.@Nullable Expr condition, String reason) {

		void collect(RuleSubject subject, List<Reason> reasons, Set<Integer> persons) {
			if (perPerson) {
				List<? extends RuleSubject.Person> all = subject.persons();
				for (int i = 0; i < all.size(); i++) {
					RuleSubject.Person person = all.get(i);
					if (condition == null || Node.isTrue(condition.eval(new Node.Context(subject, person)))) {
						add(reasons, new Reason(reason.replace("{person}", person.label()), reason, person.label()));
						persons.add(i);
					}
				}
			}
			else if (condition == null || Node.isTrue(condition.eval(new Node.Context(subject, null)))) {
				add(reasons, new Reason(reason, reason, null));
			}
		}

		private static void add(List<Reason> reasons, Reason reason) {
			if (reasons.stream().noneMatch((r) -> r.text().equals(reason.text()))) {
				reasons.add(reason);
			}
		}

	}

}
