package jp.madoguchi.address.domain;

import jp.madoguchi.platform.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalGovernmentCodesTests {

	/** Published codes, among them remainders 0 (苫小牧市) and 1 (室蘭市). */
	@ParameterizedTest
	@CsvSource({ "01206,012068", "01100,011002", "13101,131016", "01205,012050", "01213,012131", "01204,012041",
			"012068,012068" })
	void addsTheCheckDigit(String code, String expected) {
		assertThat(LocalGovernmentCodes.sixDigits(code)).isEqualTo(expected);
		assertThat(LocalGovernmentCodes.parse(" " + code + " ")).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1206", "0120689", "01２06", "abcde" })
	void refusesWhatIsNotACode(String code) {
		assertThatThrownBy(() -> LocalGovernmentCodes.parse(code)).isInstanceOf(ProblemException.class)
			.extracting("code")
			.isEqualTo("INVALID_LG_CODE");
	}

}
