package jp.madoguchi.guidance.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/design/domain.md §5: ages, the day of reaching, school cohorts. */
class LegalAgeTests {

	static final LocalDate BORN = LocalDate.of(1951, 11, 20);

	@Test
	void theAgeGrowsOnTheBirthdayItself() {
		assertThat(LegalAge.age(BORN, LocalDate.of(2026, 11, 19))).isEqualTo(74);
		assertThat(LegalAge.age(BORN, LocalDate.of(2026, 11, 20))).isEqualTo(75);
		assertThat(LegalAge.age(BORN, LocalDate.of(1951, 11, 19))).isNull();
	}

	@Test
	void anAgeIsReachedOnTheDayBeforeTheBirthday() {
		LocalDate born = LocalDate.of(1961, 11, 20);
		assertThat(LegalAge.hasReached(born, 65, LocalDate.of(2026, 11, 18))).isFalse();
		assertThat(LegalAge.hasReached(born, 65, LocalDate.of(2026, 11, 19))).isTrue();
		assertThat(LegalAge.reachedOn(born, 65)).isEqualTo(LocalDate.of(2026, 11, 19));
	}

	@Test
	void aLeapDayChildReachesTheirAgeAtTheEndOfTheTwentyEighth() {
		LocalDate born = LocalDate.of(2008, 2, 29);
		assertThat(LegalAge.reachedOn(born, 18)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(LegalAge.age(born, LocalDate.of(2026, 2, 28))).isEqualTo(17);
		assertThat(LegalAge.age(born, LocalDate.of(2026, 3, 1))).isEqualTo(18);
		assertThat(LegalAge.age(born, LocalDate.of(2028, 2, 29))).isEqualTo(20);
	}

	@Test
	void aChildBornOnAprilFirstStartsSchoolAYearBeforeOneBornOnAprilSecond() {
		LocalDate april1 = LocalDate.of(2020, 4, 1);
		LocalDate april2 = LocalDate.of(2020, 4, 2);
		assertThat(LegalAge.schoolStart(april1)).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(LegalAge.schoolStart(april2)).isEqualTo(LocalDate.of(2027, 4, 1));
		LocalDate may2026 = LocalDate.of(2026, 5, 1);
		assertThat(LegalAge.schoolAge(april1, may2026)).isTrue();
		assertThat(LegalAge.schoolGrade(april1, may2026)).isEqualTo(1);
		assertThat(LegalAge.schoolAge(april2, may2026)).isFalse();
		assertThat(LegalAge.preschool(april2, may2026)).isTrue();
		assertThat(LegalAge.schoolAge(april1, LocalDate.of(2026, 3, 31))).isFalse();
	}

	@Test
	void compulsorySchoolEndsWithTheSchoolYearInWhichFifteenIsReached() {
		LocalDate april1 = LocalDate.of(2011, 4, 1);
		LocalDate april2 = LocalDate.of(2011, 4, 2);
		assertThat(LegalAge.schoolEnd(april1)).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(LegalAge.schoolEnd(april2)).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(LegalAge.schoolAge(april1, LocalDate.of(2026, 3, 31))).isTrue();
		assertThat(LegalAge.schoolAge(april1, LocalDate.of(2026, 4, 1))).isFalse();
		assertThat(LegalAge.schoolGrade(april2, LocalDate.of(2026, 11, 20))).isEqualTo(9);
	}

	@Test
	void childAllowanceRunsToTheFirstMarch31OnOrAfterReaching18() {
		LocalDate april1 = LocalDate.of(2008, 4, 1);
		LocalDate april2 = LocalDate.of(2008, 4, 2);
		assertThat(LegalAge.childAllowanceAge(april1, LocalDate.of(2026, 3, 31))).isTrue();
		assertThat(LegalAge.childAllowanceAge(april1, LocalDate.of(2026, 4, 1))).isFalse();
		assertThat(LegalAge.childAllowanceAge(april2, LocalDate.of(2026, 4, 1))).isTrue();
		assertThat(LegalAge.childAllowanceAge(april2, LocalDate.of(2027, 3, 31))).isTrue();
		assertThat(LegalAge.childAllowanceAge(april2, LocalDate.of(2027, 4, 1))).isFalse();
	}

}
