package jp.madoguchi.guidance.rules;

import java.util.List;
import java.util.Map;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleLanguageTests {

	record StubPerson(String label, Map<String, Object> facts, boolean reached65) implements RuleSubject.Person {

		@Override
		public @Nullable Object fact(String name) {
			return facts.get(name);
		}

		@Override
		public Object call(String function, long argument) {
			return function.equals("reached") && argument == 65 && reached65;
		}

	}

	record StubHousehold(NotificationType type, Variant variant, Map<String, Object> facts,
			List<StubPerson> persons) implements RuleSubject {

		@Override
		public @Nullable Object householdFact(String name) {
			return facts.get(name);
		}

	}

	static final StubPerson GRANDMOTHER = new StubPerson("母 ハナさん（66歳）", Map.of("age", 66L, "healthInsurance", "NHI"),
			true);

	static final StubPerson CHILD = new StubPerson("子 花子さん（8歳）",
			Map.of("age", 8L, "schoolAge", true, "healthInsurance", "EMPLOYEE"), false);

	static final StubHousehold MOVING_IN = new StubHousehold(NotificationType.MOVE_IN, Variant.DOMESTIC,
			Map.of("hasDog", true), List.of(GRANDMOTHER, CHILD));

	@Test
	void aPersonClauseGivesOneReasonPerMatchingPersonNamingThem() {
		Rule rule = Rule.parse("""
				on MOVE_IN, MOVE_WITHIN
				each person where schoolAge
				  reason "{person}が義務教育年齢のため"
				""");
		assertThat(rule.reasons(MOVING_IN)).containsExactly("子 花子さん（8歳）が義務教育年齢のため");
	}

	@Test
	void conditionsCombineComparisonsSymbolsAndFunctions() {
		Rule rule = Rule.parse("""
				# comment lines are ignored
				on MOVE_IN(DOMESTIC, SPECIAL)
				each person where (healthInsurance in (NHI, NONE) and not (age >= 75)) or reached(65)
				  reason "{person}: a"
				household where hasDog and count(age < 18) = 1 and any(healthInsurance = EMPLOYEE)
				  reason "household"
				""");
		assertThat(rule.reasons(MOVING_IN)).containsExactly("母 ハナさん（66歳）: a", "household");
	}

	@Test
	void aRuleLooksOnlyAtTheKindsItNames() {
		Rule rule = Rule.parse("on MOVE_IN(FROM_ABROAD)\nhousehold reason \"x\"");
		assertThat(rule.appliesTo(NotificationType.MOVE_IN, Variant.FROM_ABROAD)).isTrue();
		assertThat(rule.reasons(MOVING_IN)).isEmpty();
	}

	@Test
	void anUnknownValueIsFalseExceptForNotEquals() {
		StubPerson unknown = new StubPerson("x", Map.of(), false);
		StubHousehold household = new StubHousehold(NotificationType.MOVE_IN, Variant.DOMESTIC, Map.of(),
				List.of(unknown));
		assertThat(Rule.parse("on MOVE_IN each person where age < 75 reason \"a\"").reasons(household)).isEmpty();
		assertThat(Rule.parse("on MOVE_IN each person where healthInsurance != NHI reason \"a\"").reasons(household))
			.containsExactly("a");
		assertThat(Rule.parse("on MOVE_IN each person where careCertified reason \"a\"").reasons(household)).isEmpty();
	}

	@Test
	void anUnknownFactIsRefusedWithItsLineAndColumn() {
		assertRefused("""
				on MOVE_IN
				each person where schoolAge
				  and ageX > 3
				  reason "{person}"
				""", 3, 7, "「ageX」という事実はありません");
	}

	@Test
	void syntaxErrorsAreRefusedWithLineAndReason() {
		assertRefused("each person reason \"x\"", 1, 1, "on 届出の種類");
		assertRefused("on MOVE_IN\neach person where age >= reason \"x\"", 2, 26, "前に条件が必要");
		assertRefused("on MOVE_IN\neach person where (age > 3 reason \"x\"", 2, 28, "「)」が来るはず");
		assertRefused("on MOVE_IN\neach person where age > 3\n  reason \"x", 3, 10, "閉じられていません");
		assertRefused("on MOVE_IN\n", 2, 1, "条件");
		assertRefused("on MOVE_OUT(FROM_ABROAD)\nhousehold reason \"x\"", 1, 13, "区分はありません");
		assertRefused("on MOVE_IN\nhousehold where age > 3 reason \"x\"", 2, 17, "人ごとの事実");
		assertRefused("on MOVE_IN\nhousehold reason \"{person}\"", 2, 18, "{person} は each person");
		assertRefused("on MOVE_IN\neach person where healthInsurance = HNI reason \"x\"", 2, 37, "「HNI」という値はありません");
		assertRefused("on MOVE_IN\neach person where healthInsurance = TO_ABROAD reason \"x\"", 2, 37, "使える値ではありません");
		assertRefused("on MOVE_IN\neach person where age reason \"x\"", 2, 19, "「はい・いいえ」");
		assertRefused("on MOVE_IN\neach person where pregnant > 3 reason \"x\"", 2, 28, "数（年齢など）だけ");
		assertRefused("on MOVE_IN\neach person where reached(sixty) reason \"x\"", 2, 27, "数で書いて");
		assertRefused("on MOVE_IN\neach person where age > 3 ;", 2, 27, "使えない文字");
	}

	private static void assertRefused(String source, int line, int column, String reason) {
		assertThatThrownBy(() -> Rule.parse(source)).isInstanceOfSatisfying(RuleSyntaxException.class, (ex) -> {
			assertThat(ex.reason()).contains(reason);
			assertThat(ex.line()).as("line of %s", ex.getMessage()).isEqualTo(line);
			assertThat(ex.column()).as("column of %s", ex.getMessage()).isEqualTo(column);
		});
	}

}
