package jp.madoguchi.retention;

import java.time.LocalDate;

import jp.madoguchi.retention.domain.FiscalYears;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalYearsTests {

	@Test
	void theFiscalYearTurnsOnTheFirstOfApril() {
		assertThat(FiscalYears.startOf(LocalDate.of(2026, 3, 31), 4)).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(FiscalYears.startOf(LocalDate.of(2026, 4, 1), 4)).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(FiscalYears.startOf(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void aRecordOfFiscal2020IsKeptThroughFiscal2025AndPurgedFromApril2026() {
		// 2021-03-31 belongs to FY2020; kept for five full fiscal years after it
		// (FY2021-2025)
		assertThat(FiscalYears.cutoff(LocalDate.of(2026, 3, 31), 5, 4)).isEqualTo(LocalDate.of(2020, 4, 1));
		assertThat(FiscalYears.cutoff(LocalDate.of(2026, 4, 1), 5, 4)).isEqualTo(LocalDate.of(2021, 4, 1));
		assertThat(FiscalYears.cutoff(LocalDate.of(2026, 4, 1), 10, 4)).isEqualTo(LocalDate.of(2016, 4, 1));
	}

}
