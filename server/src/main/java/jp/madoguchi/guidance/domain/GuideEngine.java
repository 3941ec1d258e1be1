package jp.madoguchi.guidance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.GuidedProcedure;
import jp.madoguchi.guidance.SkippedRule;
import jp.madoguchi.guidance.rules.Rule;
import jp.madoguchi.guidance.rules.RuleSyntaxException;
import jp.madoguchi.moving.NotificationContent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link RuleBook} for one notification. Plain Java: the counter and the
 * public role, tests and benchmarks all run this.
 */
public final class GuideEngine {

	private static final Logger log = LoggerFactory.getLogger(GuideEngine.class);

	private GuideEngine() {
	}

	public static Guide evaluate(RuleBook book, NotificationContent notification, LocalDate referenceDate) {
		return evaluate(book, notification, referenceDate, null);
	}

	/**
	 * Evaluates, and with a language also gives each procedure its texts for the resident
	 * ({@link ProcedureTexts}).
	 */
	public static Guide evaluate(RuleBook book, NotificationContent notification, LocalDate referenceDate,
			@Nullable String language) {
		GuideCase subject = new GuideCase(notification, referenceDate);
		List<GuidedProcedure> procedures = new ArrayList<>();
		List<SkippedRule> skipped = new ArrayList<>();
		for (RuleBook.Entry entry : book.entries()) {
			List<String> reasons = new ArrayList<>();
			List<Rule.Reason> explained = new ArrayList<>();
			SortedSet<Integer> persons = new TreeSet<>();
			for (RuleBook.CompiledVersion compiled : entry.versions()) {
				RuleVersion version = compiled.version();
				if (!version.inForceOn(referenceDate)) {
					continue;
				}
				if (compiled.rule() == null) {
					RuleSyntaxException error = compiled.error();
					skipped
						.add(new SkippedRule(version.procedureCode(), version.id(), (error != null) ? error.line() : 0,
								(error != null) ? error.column() : 0, (error != null) ? error.reason() : "規則がありません。"));
					continue;
				}
				try {
					Rule.Match match = compiled.rule().match(subject);
					for (Rule.Reason reason : match.explained()) {
						if (!reasons.contains(reason.text())) {
							reasons.add(reason.text());
							explained.add(reason);
						}
					}
					persons.addAll(match.persons());
				}
				catch (RuntimeException ex) {
					log.warn("Rule {} of {} failed and was skipped", version.id(), version.procedureCode(), ex);
					skipped
						.add(new SkippedRule(version.procedureCode(), version.id(), 0, 0, "評価中に問題が起きたため、この規則を飛ばしました。"));
				}
			}
			if (!reasons.isEmpty()) {
				Procedure p = entry.procedure();
				procedures
					.add(new GuidedProcedure(p.code(), p.name(), p.nameEn(), p.plainName(), p.department(), p.counter(),
							p.documents(), reasons, p.forms(), p.explanation(), p.routeOrder(), List.copyOf(persons),
							p.noFormReason(), (language != null) ? ProcedureTexts.in(p, language, explained) : null));
			}
		}
		return new Guide(referenceDate, book.version(), procedures, skipped);
	}

}
