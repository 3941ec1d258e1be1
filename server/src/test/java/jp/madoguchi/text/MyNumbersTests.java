package jp.madoguchi.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MyNumbersTests {

	// Worked by hand with the rule of docs/design/domain.md §3, e.g. for 12345678901:
	// P1..P11 = 1,0,9,8,7,6,5,4,3,2,1; Q = 2,3,4,5,6,7,2,3,4,5,6; Σ = 212; 212 mod 11 =
	// 3; 11 - 3 = 8.
	@ParameterizedTest
	@CsvSource({ "12345678901, 8", "98765432109, 3", "11111111111, 8", "31415926535, 2", "99999999999, 6",
			"00000000019, 1",
			// r = 0 and r = 1 both give 0: 2·P1 = 12 ≡ 1 (mod 11)
			"00000000000, 0", "00000000006, 0" })
	void checkDigitFollowsTheRule(String elevenDigits, int expected) {
		assertThat(MyNumbers.checkDigit(elevenDigits)).isEqualTo(expected);
		assertThat(MyNumbers.isValid(elevenDigits + expected)).isTrue();
	}

	@Test
	void everyOtherCheckDigitIsWrong() {
		for (int digit = 0; digit <= 9; digit++) {
			assertThat(MyNumbers.isValid("12345678901" + digit)).as("digit %d", digit).isEqualTo(digit == 8);
		}
	}

	@Test
	void swappedOrMistypedDigitsAreCaughtWhereTheWeightsDiffer() {
		assertThat(MyNumbers.isValid("123456789018")).isTrue();
		assertThat(MyNumbers.isValid("213456789018")).isFalse();
		assertThat(MyNumbers.isValid("123456789028")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345678901", "1234567890189", "12345678901a", "１２３４５６７８９０１８", "1234 5678 9018",
			"-23456789018" })
	void onlyTwelveAsciiDigitsAreValid(String text) {
		assertThat(MyNumbers.isValid(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234567890", "123456789012", "1234567890a" })
	void checkDigitRefusesAnythingButElevenDigits(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> MyNumbers.checkDigit(text));
	}

	@Test
	void maskShowsOnlyTheLastFour() {
		assertThat(MyNumbers.mask("123456789018")).isEqualTo("********9018");
		assertThat(MyNumbers.mask("1234")).isEqualTo("****");
		assertThat(MyNumbers.mask("")).isEmpty();
	}

	@Test
	void canonicalTakesWhatStaffType() {
		assertThat(MyNumbers.canonical("１２３４ ５６７８－９０１８")).isEqualTo("123456789018");
		assertThat(MyNumbers.canonical("1234-5678-9018")).isEqualTo("123456789018");
		assertThat(MyNumbers.isValid(MyNumbers.canonical("1234\u30005678\u30009018"))).isTrue();
		assertThat(MyNumbers.canonical("1234x")).isEqualTo("1234x");
	}

}
