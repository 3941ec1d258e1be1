package jp.madoguchi.guidance.rules;

import java.util.List;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * What a rule is evaluated on: one notification's household and its persons, with facts
 * already computed for the reference date. Values are {@link Boolean}, {@link Long} or
 * {@link String} (symbols such as {@code NHI}); {@code null} means unknown.
 */
public interface RuleSubject {

	NotificationType type();

	Variant variant();

	/** A household-scope fact of {@link FactCatalogue}. */
	@Nullable Object householdFact(String name);

	List<? extends Person> persons();

	/** One person of the household. */
	interface Person {

		/** A person-scope fact of {@link FactCatalogue}. */
		@Nullable Object fact(String name);

		/**
		 * A person-scope function of {@link FactCatalogue} with its whole-number
		 * argument, e.g. {@code reached(65)}.
		 */
		@Nullable Object call(String function, long argument);

		/** How reasons name the person, e.g. "子 花子さん（8歳）". */
		String label();

	}

}
