package jp.madoguchi.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExactTextTests {

	static final String TSUJI_TWO_DOTS = "辻\uDB40\uDD02"; // U+8FBB U+E0102

	@Test
	void aNameWithAnIdeographicVariationSequenceIsAcceptable() {
		assertThat(ExactText.problems(TSUJI_TWO_DOTS + "本 一郎")).isEmpty();
		assertThat(ExactText.isAcceptable("𠮷田　太郎")).isTrue();
		assertThat(ExactText.isAcceptable("John Smith")).isTrue();
		// 行政事務標準文字 (MJ+) puts its additions in the Private Use Area
		assertThat(ExactText.isAcceptable("\uE000田")).isTrue();
		// a standardised variation sequence on a compatibility-distinct ideograph
		assertThat(ExactText.isAcceptable("神\uFE00")).isTrue();
	}

	@Test
	void reportsAnUnpairedSurrogate() {
		List<TextProblem> problems = ExactText.check("山\uD842田");
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.kind()).isEqualTo(TextProblem.Kind.UNPAIRED_SURROGATE);
			assertThat(problem.index()).isEqualTo(1);
			assertThat(problem.position()).isEqualTo(2);
			assertThat(problem.message()).isEqualTo("2文字目: 対になっていないサロゲートがあります (U+D842)");
		});
		assertThat(ExactText.check("\uDFB7").get(0).kind()).isEqualTo(TextProblem.Kind.UNPAIRED_SURROGATE);
		assertThat(ExactText.check("山\uD842").get(0).kind()).isEqualTo(TextProblem.Kind.UNPAIRED_SURROGATE);
	}

	@Test
	void reportsControlAndFormatCharacters() {
		assertThat(kinds("山田\t太郎")).containsExactly(TextProblem.Kind.CONTROL_CHARACTER);
		assertThat(kinds("山田\n")).containsExactly(TextProblem.Kind.CONTROL_CHARACTER);
		assertThat(kinds("山\u2028田")).containsExactly(TextProblem.Kind.CONTROL_CHARACTER);
		assertThat(kinds("山\u200B田")).containsExactly(TextProblem.Kind.FORMAT_CHARACTER);
		assertThat(kinds("\u202E田山")).containsExactly(TextProblem.Kind.FORMAT_CHARACTER);
		assertThat(kinds("\uFEFF山田")).containsExactly(TextProblem.Kind.FORMAT_CHARACTER);
	}

	@Test
	void reportsNoncharacters() {
		assertThat(kinds("山\uFFFE")).containsExactly(TextProblem.Kind.NONCHARACTER);
		assertThat(kinds("山\uFDD0")).containsExactly(TextProblem.Kind.NONCHARACTER);
		assertThat(kinds("山" + Character.toString(0x2FFFF))).containsExactly(TextProblem.Kind.NONCHARACTER);
	}

	@Test
	void reportsAVariationSelectorThatFollowsNoBase() {
		String ivs = Character.toString(0xE0102);
		assertThat(kinds(ivs + "辻")).containsExactly(TextProblem.Kind.STRAY_VARIATION_SELECTOR);
		assertThat(kinds("辻" + ivs + ivs)).containsExactly(TextProblem.Kind.STRAY_VARIATION_SELECTOR);
		assertThat(kinds("山 " + ivs)).containsExactly(TextProblem.Kind.STRAY_VARIATION_SELECTOR);
		// an ideographic selector belongs to an ideograph, not to kana or Latin letters
		assertThat(kinds("あ" + ivs)).containsExactly(TextProblem.Kind.STRAY_VARIATION_SELECTOR);
		assertThat(kinds("\uFE00")).containsExactly(TextProblem.Kind.STRAY_VARIATION_SELECTOR);
		assertThat(ExactText.check("辻" + ivs + ivs).get(0).index()).isEqualTo(3);
	}

	@Test
	void messagesNameEveryProblem() {
		assertThat(ExactText.problems("\t\u200B")).containsExactly("1文字目: 制御文字は使えません (U+0009)",
				"2文字目: 見えない書式制御文字は使えません (U+200B)");
	}

	@Test
	void lengthCountsABaseAndItsSelectorAsOne() {
		assertThat(ExactText.length(TSUJI_TWO_DOTS)).isEqualTo(1);
		assertThat(ExactText.length(TSUJI_TWO_DOTS + "本")).isEqualTo(2);
		assertThat(ExactText.length("𠮷田")).isEqualTo(2);
		assertThat(ExactText.length("か\u3099")).isEqualTo(1);
		assertThat(ExactText.length("")).isZero();
		// a stray selector at the start still counts, so nothing is hidden from a limit
		assertThat(ExactText.length("\uDB40\uDD02")).isEqualTo(1);
	}

	@Test
	void charactersSplitWithoutBreakingASequence() {
		assertThat(ExactText.characters(TSUJI_TWO_DOTS + "本𠮷")).containsExactly(TSUJI_TWO_DOTS, "本", "𠮷");
		assertThat(String.join("", ExactText.characters("葛\uDB40\uDD00城 市"))).isEqualTo("葛\uDB40\uDD00城 市");
		assertThat(ExactText.characters("")).isEmpty();
	}

	@Test
	void findsVariationSelectors() {
		assertThat(ExactText.hasVariationSelector(TSUJI_TWO_DOTS)).isTrue();
		assertThat(ExactText.hasVariationSelector("辻")).isFalse();
	}

	@Test
	void oneCharacterNamesItsGlyphByItsCodePoints() {
		assertThat(ExactText.glyphKey(TSUJI_TWO_DOTS)).contains("8FBB-E0102");
		assertThat(ExactText.glyphKey("𠮷")).contains("20BB7");
		assertThat(ExactText.glyphKey("吉")).contains("5409");
		assertThat(ExactText.glyphKey("吉田")).isEmpty();
		assertThat(ExactText.glyphKey("")).isEmpty();
		assertThat(ExactText.glyphKey("\uDB40\uDD02")).as("a selector alone").isEmpty();
	}

	private static List<TextProblem.Kind> kinds(String text) {
		return ExactText.check(text).stream().map(TextProblem::kind).toList();
	}

}
