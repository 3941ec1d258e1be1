package jp.madoguchi.accounts;

import jp.madoguchi.accounts.domain.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsTwelveCharacters() {
		assertThat(PasswordPolicy.violations("correct-horse", "tanaka")).isEmpty();
	}

	@Test
	void refusesElevenCharacters() {
		assertThat(PasswordPolicy.violations("eleven-char", "tanaka")).containsExactly("password.tooShort");
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		// Six characters outside the BMP are 12 UTF-16 units but only 6 characters.
		assertThat(PasswordPolicy.violations("𠮷𠮷𠮷𠮷𠮷𠮷", "tanaka")).contains("password.tooShort");
	}

	@Test
	void refusesTheUserNameInsideThePassword() {
		assertThat(PasswordPolicy.violations("my-Tanaka-password", "tanaka"))
			.containsExactly("password.containsUsername");
	}

	@Test
	void refusesOneRepeatedCharacter() {
		assertThat(PasswordPolicy.violations("aaaaaaaaaaaaaa", "tanaka")).containsExactly("password.repeated");
	}

}
