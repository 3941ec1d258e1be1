package jp.madoguchi.text.font;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.madoguchi.text.UnprintableCharacter;
import jp.madoguchi.text.Variation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage read from the real IPAmj明朝. No fake font: the test command installs
 * {@code fonts-ipamj-mincho}, and a missing font fails here instead of being skipped.
 */
class IpamjFontCoverageTests {

	static final Path IPAMJ = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

	static final int TSUJI = 0x8FBB;

	/** What IPAmj明朝's cmap format 14 lists for 辻 (read from the font file). */
	static final Integer[] VARIATIONS_OF_TSUJI = { 0xE0102, 0xE0103 };

	private static final Logger log = LoggerFactory.getLogger(IpamjFontCoverageTests.class);

	static FontCharacterMap map;

	static FontFileCoverage coverage;

	@BeforeAll
	static void readTheFont() throws IOException {
		assertThat(IPAMJ).as("IPAmj明朝: install the Debian package fonts-ipamj-mincho (bin/test does)").isRegularFile();
		long started = System.nanoTime();
		map = FontCharacterMap.read(IPAMJ);
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Read the cmap of {} ({} bytes) in {} ms: {} code points, {} sequences ({} default)", IPAMJ,
				Files.size(IPAMJ), millis, map.codePointCount(), map.sequenceCount(), map.defaultSequenceCount());
		coverage = new FontFileCoverage(IPAMJ, map);
	}

	@Test
	void tsujiWithTwoDotsAndItsDefaultArePrintable() {
		assertThat(map.covers(TSUJI)).isTrue();
		assertThat(map.covers(TSUJI, 0xE0102)).as("辻 + U+E0102, the two-dot form").isTrue();
		assertThat(map.covers(TSUJI, 0xE0103)).as("辻 + U+E0103, the default form").isTrue();
		assertThat(coverage.unprintable(tsuji(0xE0102) + "本")).isEmpty();
		assertThat(coverage.unprintable(tsuji(0xE0103))).isEmpty();
		assertThat(coverage.isPrintable("辻")).isTrue();
	}

	@Test
	void theTwoDotTsujiHasAGlyphOfItsOwn() {
		int twoDots = map.variantGlyph(TSUJI, 0xE0102);
		assertThat(twoDots).as("a non-default sequence names its own glyph").isPositive();
		// IPAmj明朝 lists even the default form (U+E0103) as a non-default mapping.
		assertThat(map.variantGlyph(TSUJI, 0xE0103)).isPositive().isNotEqualTo(twoDots);
		assertThat(map.variantGlyph(TSUJI, 0xE01EF)).as("not listed").isEqualTo(-1);
		assertThat(map.variantGlyph(TSUJI, 0x41)).as("not a selector").isEqualTo(-1);
		assertThat(coverage.variantGlyph(TSUJI, 0xE0102)).isEqualTo(twoDots);
	}

	@Test
	void theVariationsOfTsujiAreTheSequencesTheFontLists() {
		List<Variation> variations = coverage.variations(TSUJI);
		log.info("辻 in IPAmj明朝: {}", variations.stream().map(Variation::codePoints).toList());
		assertThat(variations).extracting(Variation::selector).containsExactly(VARIATIONS_OF_TSUJI);
		assertThat(variations).allSatisfy((variation) -> {
			assertThat(variation.base()).isEqualTo(TSUJI);
			assertThat(coverage.isPrintable(variation.sequence())).isTrue();
		});
		assertThat(variations.get(0).sequence()).isEqualTo(tsuji(0xE0102));
		assertThat(variations.get(0).codePoints()).isEqualTo("U+8FBB U+E0102");
	}

	@Test
	void aCharacterWithoutVariationsOrOutsideTheFontListsNone() {
		assertThat(coverage.variations('A')).isEmpty();
		assertThat(coverage.variations(0x1F600)).isEmpty();
		assertThat(coverage.variations(0xE0102)).isEmpty();
		assertThat(coverage.covers(TSUJI)).isTrue();
		assertThat(coverage.covers(0x1F600)).isFalse();
	}

	@Test
	void aSelectorTheFontDoesNotListForTsujiIsUnprintable() {
		assertThat(map.covers(TSUJI, 0xE01EF)).isFalse();
		List<UnprintableCharacter> unprintable = coverage.unprintable("山" + tsuji(0xE01EF) + "本");
		assertThat(unprintable).singleElement().satisfies((character) -> {
			assertThat(character.index()).isEqualTo(1);
			assertThat(character.sequence()).isEqualTo(tsuji(0xE01EF));
			assertThat(character.codePoints()).isEqualTo("U+8FBB U+E01EF");
			assertThat(character.reason()).isEqualTo(FontFileCoverage.MISSING_SEQUENCE);
		});
	}

	@Test
	void charactersOutsideTheFontAreUnprintable() {
		// checked against the font's cmap: no emoji, nothing in the Private Use Area
		assertThat(map.covers(0x1F600)).isFalse();
		assertThat(map.covers(0xE000)).isFalse();
		List<UnprintableCharacter> unprintable = coverage.unprintable("田中😀\uE000");
		assertThat(unprintable)
			.extracting(UnprintableCharacter::index, UnprintableCharacter::sequence, UnprintableCharacter::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "😀", FontFileCoverage.MISSING_CHARACTER),
					org.assertj.core.groups.Tuple.tuple(4, "\uE000", FontFileCoverage.MISSING_CHARACTER));
	}

	@Test
	void coversWhatNamesAndAddressesAreWrittenWith() {
		assertThat(coverage.unprintable("髙橋 𠮷田　さいとう サイトウ ABCabc 0123 釧路市黒金町7丁目5番地 〒085-8505")).isEmpty();
	}

	/**
	 * Issue 21: the print font has no Hangul and no Vietnamese letters with two marks.
	 * Printed forms (the PDF guide sheet included) stay Japanese, and a resident-language
	 * text that reached one would be refused as unprintable, never printed as a blank
	 * box; the resident's language is on the HTML guide sheet, printed by the browser.
	 */
	@Test
	void theResidentLanguagesThePrintFontLacksAreReported() {
		assertThat(coverage.unprintable("재류카드")).extracting(UnprintableCharacter::sequence)
			.containsExactly("재", "류", "카", "드");
		assertThat(coverage.unprintable("Quầy số 5")).extracting(UnprintableCharacter::sequence)
			.containsExactly("ầ", "ố");
		assertThat(coverage.unprintable("Guichê 5 – Notificações")).isEmpty();
	}

	@Test
	void aStraySelectorIsReported() {
		assertThat(coverage.unprintable("\uDB40\uDD02辻")).singleElement()
			.satisfies((character) -> assertThat(character.reason()).isEqualTo(FontFileCoverage.STRAY_SELECTOR));
	}

	@Test
	void theFontListsTheMojiJohoCollection() {
		// docs/design/domain.md §4: 11,474 sequences of the Moji_Joho collection. IPAmj明朝
		// lists every
		// one,
		// the default forms included (辻 + U+E0103), with a glyph of its own: no
		// default-UVS table.
		assertThat(map.sequenceCount()).isEqualTo(11_474);
		assertThat(map.defaultSequenceCount()).isZero();
		assertThat(map.codePointCount()).isGreaterThan(50_000);
	}

	private static String tsuji(int selector) {
		return Character.toString(TSUJI) + Character.toString(selector);
	}

}
