package jp.madoguchi.address;

import jp.madoguchi.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostalCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "0850061", "085-0061", "０８５００６１", "０８５－００６１", "０８５ー００６１", "085−0061", "〒085-0061",
			"〒 ０８５-００６１", " 0850061 " })
	void readsTheWaysPeopleTypeACode(String typed) {
		PostalCode code = PostalCode.parse(typed);
		assertThat(code.digits()).isEqualTo("0850061");
		assertThat(code.formatted()).isEqualTo("085-0061");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "085006", "08500611", "085--0061", "0850-061", "abc-defg", "085 0061", "〒" })
	void refusesAnythingElse(String typed) {
		assertThatThrownBy(() -> PostalCode.parse(typed)).isInstanceOf(ProblemException.class)
			.satisfies((e) -> assertThat(e.getLocalizedMessage()).isEqualTo("郵便番号は7桁の数字で入力してください。"))
			.extracting("code")
			.isEqualTo("INVALID_POSTAL_CODE");
	}

	@Test
	void theRecordItselfHoldsOnlySevenDigits() {
		assertThatThrownBy(() -> new PostalCode("085-0061")).isInstanceOf(ProblemException.class);
	}

}
