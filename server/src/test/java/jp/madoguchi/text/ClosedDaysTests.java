package jp.madoguchi.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed-day calendar without a database (the public site's): the usual ordinance and
 * the national holidays computed from the law, compared with the Cabinet Office list the
 * admin migration ships.
 */
class ClosedDaysTests {

	private static final Pattern SEEDED = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '([^']+)'\\)");

	final ClosedDays standard = ClosedDays.standard();

	@Test
	void theComputedHolidaysAreTheCabinetOfficeListShippedForTwentyTwentyFiveToTwentySeven() throws IOException {
		Map<LocalDate, String> shipped = new TreeMap<>();
		try (InputStream sql = getClass()
			.getResourceAsStream("/db/migration/admin/V2026112693__admin_holidays_terminals.sql")) {
			Matcher row = SEEDED.matcher(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
			while (row.find()) {
				shipped.put(LocalDate.parse(row.group(1)), row.group(2));
			}
		}
		Map<LocalDate, String> computed = new TreeMap<>();
		for (int year = 2025; year <= 2027; year++) {
			computed.putAll(NationalHolidays.of(year));
		}
		assertThat(shipped).hasSizeGreaterThan(40);
		assertThat(computed).isEqualTo(shipped);
	}

	@Test
	void aDeadlineOnANationalHolidayMondayMovesToTuesday() {
		LocalDate sportsDay = LocalDate.of(2026, 10, 12);
		assertThat(standard.isClosed(sportsDay)).isTrue();
		assertThat(standard.deadline(sportsDay)).isEqualTo(LocalDate.of(2026, 10, 13));
		// 敬老の日, 国民の休日 and 秋分の日 in a row.
		assertThat(standard.deadline(LocalDate.of(2026, 9, 21))).isEqualTo(LocalDate.of(2026, 9, 24));
	}

	@Test
	void aDeadlineOnASaturdayMovesToMonday() {
		assertThat(standard.deadline(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(standard.deadline(LocalDate.of(2026, 11, 27))).as("a Friday stays")
			.isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void aDeadlineOnTheThirtyFirstOfDecemberMovesPastTheNewYearDays() {
		assertThat(standard.deadline(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(standard.deadline(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2026, 12, 28));
	}

	@Test
	void aCityThatOpensOnSaturdaysOrClosesOtherYearEndDaysSaysSo() {
		ClosedDayRule open = new ClosedDayRule(false, MonthDay.of(12, 29), MonthDay.of(1, 3));
		assertThat(open.closes(LocalDate.of(2026, 11, 28), false)).isFalse();
		assertThat(open.closes(LocalDate.of(2026, 11, 29), false)).as("Sundays stay closed").isTrue();
		ClosedDayRule longer = new ClosedDayRule(true, MonthDay.of(12, 28), MonthDay.of(1, 5));
		assertThat(longer.isYearEnd(LocalDate.of(2026, 12, 28))).isTrue();
		assertThat(longer.isYearEnd(LocalDate.of(2027, 1, 5))).isTrue();
		assertThat(longer.isYearEnd(LocalDate.of(2027, 1, 6))).isFalse();
		ClosedDayRule inside = new ClosedDayRule(true, MonthDay.of(12, 29), MonthDay.of(12, 31));
		assertThat(inside.isYearEnd(LocalDate.of(2027, 1, 2))).isFalse();
		assertThat(inside.isYearEnd(LocalDate.of(2026, 12, 30))).isTrue();
	}

	@Test
	void substituteHolidaysAndTheOlympicYearsFollowTheLaw() {
		assertThat(NationalHolidays.isHoliday(LocalDate.of(2028, 1, 10))).as("成人の日 2028").isTrue();
		assertThat(NationalHolidays.isHoliday(LocalDate.of(2021, 8, 9))).as("振替休日 of 山の日 2021").isTrue();
		assertThat(NationalHolidays.isHoliday(LocalDate.of(2021, 10, 11))).as("no スポーツの日 in October 2021").isFalse();
		assertThat(NationalHolidays.isHoliday(LocalDate.of(2032, 9, 21))).as("国民の休日 2032").isTrue();
	}

}
