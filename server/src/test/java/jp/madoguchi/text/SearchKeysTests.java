package jp.madoguchi.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeysTests {

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource({
			// docs/design/domain.md §4: variant kanji
			"髙橋, 高橋", "山﨑, 山崎", "渡邊, 渡辺", "渡邉, 渡辺", "齋藤, 斎藤", "齊藤, 斎藤", "斉藤, 斎藤", "長濵, 長浜", "德永, 徳永", "國分, 国分",
			"大澤, 大沢", "廣瀬, 広瀬", "櫻井, 桜井", "𠮷田, 吉田", "宮嵜, 宮崎", "小嶋, 小島", "冨田, 富田", "佐藤 惠子, 佐藤恵子",
			// docs/design/domain.md §4: hiragana = katakana = half-width katakana
			"たかはし, タカハシ", "たかはし, ﾀｶﾊｼ", "がんだ, ｶﾞﾝﾀﾞ", "ぱく, ﾊﾟｸ", "ヴィクトル, ｳﾞｨｸﾄﾙ",
			// small kana
			"きゃろる, キヤロル", "いっぺい, イツペイ", "くゎ, くわ", "ヵ, か", "霞ヶ関, 霞ケ関",
			// long vowels and the dashes typed for them
			"コーヘイ, こへい", "ｺｰﾍｲ, こへい", "コ－ヘイ, こへい", "コ-ヘイ, こへい", "コ—ヘイ, こへい",
			// spaces, full-width space, middle dots of foreign names
			"山田　太郎, 山田太郎", "ジョン・スミス, じよんすみす", "ｼﾞｮﾝ･ｽﾐｽ, じよんすみす",
			// widths and case of Latin letters, diacritics
			"ＳＭＩＴＨ, smith", "José, jose", "Jose\u0301, jose", "MÜLLER, muller",
			// spellings only the kana tell apart, iteration marks
			"ちぢみ, ちじみ", "つづき, つずき", "ゐ, い", "佐々木, 佐佐木", "いすゞ, いすず", "か゛, が",
			// compatibility ideographs and Kangxi radicals
			"\uFA19田, 神田", "\u2F2D田, 山田" })
	void foldsToTheSameKey(String typed, String other) {
		assertThat(SearchKeys.fold(typed)).isEqualTo(SearchKeys.fold(other));
	}

	@Test
	void dropsVariationSelectorsAndKeepsTheBase() {
		assertThat(SearchKeys.fold("辻\uDB40\uDD02本")).isEqualTo("辻本");
		assertThat(SearchKeys.fold("葛\uDB40\uDD01城")).isEqualTo("葛城");
		assertThat(SearchKeys.fold("神\uFE00")).isEqualTo("神");
	}

	@Test
	void keysAreHiragana() {
		assertThat(SearchKeys.fold("タカハシ")).isEqualTo("たかはし");
		assertThat(SearchKeys.fold("ﾀｶﾊｼ ｲﾁﾛｳ")).isEqualTo("たかはしいちろう");
		assertThat(SearchKeys.fold("ァィゥェォッャュョヮヵヶ")).isEqualTo("あいうえおつやゆよわかけ");
		assertThat(SearchKeys.fold("ㇱㇰㇳ")).isEqualTo("しくと");
	}

	@Test
	void keepsWhatTellsNamesApart() {
		assertThat(SearchKeys.fold("高橋")).isNotEqualTo(SearchKeys.fold("高梁"));
		assertThat(SearchKeys.fold("一郎")).isEqualTo("一郎"); // 一 is a kanji, not a long
															// vowel mark
		assertThat(SearchKeys.fold("崎")).isNotEqualTo(SearchKeys.fold("埼"));
		assertThat(SearchKeys.fold("はは")).isNotEqualTo(SearchKeys.fold("ばば"));
		assertThat(SearchKeys.fold("山々")).isEqualTo("山山");
		assertThat(SearchKeys.fold("々")).isEqualTo("々");
		assertThat(SearchKeys.fold("")).isEmpty();
	}

	@Test
	void storedFormsAreUntouchedByFolding() {
		String stored = "髙橋\u3000辻\uDB40\uDD02";
		SearchKeys.fold(stored);
		assertThat(stored).isEqualTo("髙橋\u3000辻\uDB40\uDD02");
	}

	/**
	 * Property: the key of a key is the key, over strings drawn from everything fold
	 * treats.
	 */
	@Test
	void foldIsIdempotent() {
		int[] alphabet = alphabet();
		Random random = new Random(20250401);
		for (int sample = 0; sample < 20_000; sample++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
			}
			String once = SearchKeys.fold(text.toString());
			assertThat(SearchKeys.fold(once)).as("fold of %s", codePoints(text.toString())).isEqualTo(once);
		}
	}

	/**
	 * Property: every code point of the BMP and of the ideograph planes, alone and after
	 * kana.
	 */
	@Test
	void foldIsIdempotentForEverySingleCodePoint() {
		for (int cp = 0; cp <= 0x3FFFF; cp++) {
			if (cp >= 0xD800 && cp <= 0xDFFF) {
				continue;
			}
			for (String text : List.of(Character.toString(cp), "か" + Character.toString(cp),
					"山" + Character.toString(cp))) {
				String once = SearchKeys.fold(text);
				if (!SearchKeys.fold(once).equals(once)) {
					assertThat(SearchKeys.fold(once)).as("fold of %s", codePoints(text)).isEqualTo(once);
				}
			}
		}
	}

	@Test
	void variantTableHasAtLeast200WellFormedPairsWithoutChains() throws IOException {
		String table;
		try (InputStream in = SearchKeys.class.getResourceAsStream("/text/variant-kanji.tsv")) {
			assertThat(in).as("text/variant-kanji.tsv on the class path").isNotNull();
			table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(table).startsWith("#");
		Set<Integer> sources = new HashSet<>();
		Set<Integer> targets = new HashSet<>();
		int pairs = 0;
		for (String line : table.split("\n", -1)) {
			Optional<VariantLine> parsed = VariantLine.parse(line); // throws on a
																	// malformed line
			if (parsed.isEmpty()) {
				continue;
			}
			VariantLine pair = parsed.get();
			pairs++;
			assertThat(pair.source()).as(line).isNotEqualTo(pair.target());
			assertThat(isHan(pair.source())).as("source of %s is a Han character", line).isTrue();
			assertThat(isHan(pair.target())).as("target of %s is a Han character", line).isTrue();
			assertThat(pair.kind()).as(line).isIn("旧字体", "異体字", "人名慣用");
			assertThat(sources.add(pair.source())).as("%s appears once as a source", line).isTrue();
			targets.add(pair.target());
			String source = Character.toString(pair.source());
			assertThat(Normalizer.normalize(source, Normalizer.Form.NFD))
				.as("%s is no decomposable compatibility form", line)
				.isEqualTo(source);
		}
		assertThat(pairs).isGreaterThanOrEqualTo(200);
		Set<Integer> chained = new HashSet<>(targets);
		chained.retainAll(sources);
		assertThat(chained).as("targets that are also sources").isEmpty();
		assertThat(SearchKeys.variants()).hasSize(pairs);
	}

	@Test
	void everyVariantFoldsToItsTarget() {
		for (Map.Entry<Integer, Integer> pair : SearchKeys.variants().entrySet()) {
			assertThat(SearchKeys.fold(Character.toString(pair.getKey())))
				.isEqualTo(Character.toString(pair.getValue()));
		}
	}

	private static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	private static int[] alphabet() {
		StringBuilder chars = new StringBuilder();
		chars.append("ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽ");
		chars.append("まみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ");
		chars.append("ァアィイゥウカガキギッツヅハバパヰヱヲヴヵヶヷヸヹヺヽヾーｱｶｯﾊﾞﾟｰ･");
		chars.append("\u3099\u309A\u309B\u309C\u30A0・々〻〆〇一高髙崎﨑辺邊邉斎齋齊斉神\uFA19\u2F2D山");
		chars.append("AaZzＡａ0０-－‐—=＝ ・·　\t\u200BéÉ\u0301ßıſÅ\u212B");
		int[] base = chars.codePoints().toArray();
		int[] extra = { 0xE0100, 0xE0102, 0xE01EF, 0xFE00, 0xFE0F, 0x20BB7, 0x2F800, 0x31F0, 0x31FF };
		int[] all = new int[base.length + extra.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(extra, 0, all, base.length, extra.length);
		return all;
	}

	private static String codePoints(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach((cp) -> out.append(String.format("U+%04X ", cp)));
		return out.toString().trim();
	}

}
