package jp.madoguchi.text.font;

import jp.madoguchi.text.FontCoverage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class FontConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(FontConfiguration.class);

	@Test
	void loadsIpamjByDefault() {
		runner.run((context) -> {
			FontCoverage coverage = context.getBean(FontCoverage.class);
			assertThat(coverage.available()).isTrue();
			assertThat(coverage.isPrintable("辻\uDB40\uDD02")).isTrue();
			assertThat(coverage.isPrintable("辻\uDB40\uDDEF")).isFalse();
		});
	}

	@Test
	void aMissingFontDoesNotStopTheStartButEveryCheckSaysSo() {
		runner.withPropertyValues("madoguchi.fonts.mincho=/nonexistent/font.ttf").run((context) -> {
			assertThat(context).hasNotFailed();
			FontCoverage coverage = context.getBean(FontCoverage.class);
			assertThat(coverage.available()).isFalse();
			assertThat(coverage.unprintable("山田")).singleElement().satisfies((character) -> {
				assertThat(character.sequence()).isEqualTo("山田");
				assertThat(character.reason()).contains("/nonexistent/font.ttf").contains("確認できません");
			});
			assertThat(coverage.unprintable(" ")).isEmpty();
			assertThat(coverage.variations(0x8FBB)).as("the picker offers nothing").isEmpty();
		});
	}

	@Test
	void aFileThatIsNoFontCountsAsMissing() {
		runner.withPropertyValues("madoguchi.fonts.mincho=/etc/hostname")
			.run((context) -> assertThat(context.getBean(FontCoverage.class).available()).isFalse());
	}

}
