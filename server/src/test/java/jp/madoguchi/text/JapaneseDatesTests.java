package jp.madoguchi.text;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JapaneseDatesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2025-04-01, 2025-04-01", "2025/4/1, 2025-04-01", "2025.4.1, 2025-04-01", "2025年4月1日, 2025-04-01",
			"20250401, 2025-04-01", "R7.4.1, 2025-04-01", "r7.4.1, 2025-04-01", "R7/4/1, 2025-04-01",
			"R7-04-01, 2025-04-01", "令和7年4月1日, 2025-04-01", "令和7年4月1, 2025-04-01", "令和 7年 4月 1日, 2025-04-01",
			"令7.4.1, 2025-04-01", "㋿7年4月1日, 2025-04-01", "令和元年5月1日, 2019-05-01", "R元.5.1, 2019-05-01",
			"R1.5.1, 2019-05-01", "H31.4.30, 2019-04-30", "平成31年4月30日, 2019-04-30", "H1.1.8, 1989-01-08",
			"平成元年1月8日, 1989-01-08", "S64.1.7, 1989-01-07", "S55.1.1, 1980-01-01", "昭和55年1月1日, 1980-01-01",
			"s55.1.1, 1980-01-01", "S1.12.25, 1926-12-25", "T15.12.24, 1926-12-24", "T1.7.30, 1912-07-30",
			"大正元年7月30日, 1912-07-30", "M45.7.29, 1912-07-29", "明治45年7月29日, 1912-07-29", "M1.10.23, 1868-10-23",
			"明治元年10月23日, 1868-10-23", "Ｒ７．４．１, 2025-04-01", "令和７年４月１日, 2025-04-01", "２０２５－０４－０１, 2025-04-01",
			"R070401, 2025-04-01", "r070401, 2025-04-01", "S550101, 1980-01-01", "H310430, 2019-04-30",
			"5070401, 2025-04-01", "3550101, 1980-01-01", "2024-02-29, 2024-02-29", "R6.2.29, 2024-02-29" })
	void readsWhatStaffType(String typed, LocalDate expected) {
		assertThat(JapaneseDates.parse(typed)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "H31.5.1|平成31年5月1日はありません。平成は31年4月30日までです（2019年5月1日は令和元年5月1日）",
			"R1.4.30|令和元年4月30日はありません。令和は元年5月1日からです（2019年4月30日は平成31年4月30日）",
			"令和元年4月30日|令和元年4月30日はありません。令和は元年5月1日からです（2019年4月30日は平成31年4月30日）",
			"H1.1.7|平成元年1月7日はありません。平成は元年1月8日からです（1989年1月7日は昭和64年1月7日）",
			"S64.1.8|昭和64年1月8日はありません。昭和は64年1月7日までです（1989年1月8日は平成元年1月8日）",
			"T15.12.25|大正15年12月25日はありません。大正は15年12月24日までです（1926年12月25日は昭和元年12月25日）",
			"M45.7.30|明治45年7月30日はありません。明治は45年7月29日までです（1912年7月30日は大正元年7月30日）",
			"M1.1.1|明治元年1月1日はありません。明治は元年10月23日からです（1868年1月1日は明治より前です）",
			"H50.1.1|平成50年1月1日はありません。平成は31年4月30日までです（2038年1月1日は令和20年1月1日）",
			"R7.2.30|令和7年2月30日という日はありません（2025年2月は28日までです）", "2025年2月30日|2025年2月30日という日はありません（2025年2月は28日までです）",
			"2025-02-29|2025年2月29日という日はありません（2025年2月は28日までです）", "H31.2.29|平成31年2月29日という日はありません（2019年2月は28日までです）",
			"R7.4.31|令和7年4月31日という日はありません（2025年4月は30日までです）", "R7.13.1|令和7年13月はありません。月は1から12までです",
			"R7.0.1|令和7年0月はありません。月は1から12までです", "R7.4.0|令和7年4月0日という日はありません（2025年4月は30日までです）",
			"R0.4.1|令和0年はありません。令和は元年（1年）から数えます", "0000-01-01|「0000-01-01」の年が正しくありません。例: 2025-04-01、R7.4.1、令和7年4月1日",
			"25/4/1|「25/4/1」は日付として読めません。例: 2025-04-01、R7.4.1、令和7年4月1日",
			"X7.4.1|「X7.4.1」は日付として読めません。例: 2025-04-01、R7.4.1、令和7年4月1日",
			"R7.4/1|「R7.4/1」は日付として読めません。例: 2025-04-01、R7.4.1、令和7年4月1日",
			"070401|「070401」は日付として読めません。例: 2025-04-01、R7.4.1、令和7年4月1日",
			"6070401|「6070401」は日付として読めません。例: 2025-04-01、R7.4.1、令和7年4月1日",
			"' '|日付が入力されていません。例: 2025-04-01、R7.4.1、令和7年4月1日" })
	void refusesImpossibleDatesWithAReason(String typed, String message) {
		assertThatExceptionOfType(DateParseException.class).isThrownBy(() -> JapaneseDates.parse(typed))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.input()).isEqualTo(typed));
		assertThat(JapaneseDates.tryParse(typed)).isEmpty();
	}

	@Test
	void formatsTheWayFormsDo() {
		assertThat(JapaneseDates.format(LocalDate.of(2025, 4, 1))).isEqualTo("令和7年4月1日");
		assertThat(JapaneseDates.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(JapaneseDates.format(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
		assertThat(JapaneseDates.format(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
		assertThat(JapaneseDates.format(LocalDate.of(1868, 10, 23))).isEqualTo("明治元年10月23日");
		assertThat(JapaneseDates.format(LocalDate.of(1868, 10, 22))).isEqualTo("1868年10月22日");
		assertThat(JapaneseDates.formatShort(LocalDate.of(2025, 4, 1))).isEqualTo("R7.4.1");
		assertThat(JapaneseDates.formatShort(LocalDate.of(2019, 5, 1))).isEqualTo("R1.5.1");
		assertThat(JapaneseDates.formatShort(LocalDate.of(1980, 1, 1))).isEqualTo("S55.1.1");
		assertThat(JapaneseDates.formatShort(LocalDate.of(1868, 10, 22))).isEqualTo("1868.10.22");
		assertThat(JapaneseDates.formatWithGregorian(LocalDate.of(2025, 4, 1))).isEqualTo("令和7年4月1日（2025年4月1日）");
	}

	/**
	 * Property: every day from the first of 明治 to 2100 reads back from both written
	 * forms.
	 */
	@Test
	void everyDayRoundTripsAcrossEveryEraBoundary() {
		LocalDate last = LocalDate.of(2100, 12, 31);
		int days = 0;
		for (LocalDate date = Era.MEIJI.start(); !date.isAfter(last); date = date.plusDays(1)) {
			assertThat(JapaneseDates.parse(JapaneseDates.format(date))).isEqualTo(date);
			assertThat(JapaneseDates.parse(JapaneseDates.formatShort(date))).isEqualTo(date);
			days++;
		}
		assertThat(days).isGreaterThan(84_000);
	}

	@Test
	void erasAdjoinWithoutGapOrOverlap() {
		for (Era era : Era.values()) {
			assertThat(Era.of(era.start())).contains(era);
			era.end().ifPresent((end) -> {
				assertThat(Era.of(end)).contains(era);
				assertThat(era.contains(end.plusDays(1))).isFalse();
				assertThat(Era.of(end.plusDays(1)).orElseThrow().start()).isEqualTo(end.plusDays(1));
			});
		}
		assertThat(Era.of(LocalDate.of(1868, 10, 22))).isEmpty();
		assertThat(Era.REIWA.end()).isEmpty();
		assertThat(Era.HEISEI.end()).contains(LocalDate.of(2019, 4, 30));
	}

}
