package jp.madoguchi.residentrecord.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which characters each configured target cannot carry, and what is offered instead.
 */
class TargetCharactersTests {

	static final String YOSHI = "\uD842\uDFB7"; // 𠮷 U+20BB7

	static final String TAKA = "髙"; // U+9AD9, an IBM extension of windows-31j, not JIS X
									// 0208

	static final String TSUJI = "辻\uDB40\uDD02"; // 辻󠄂 U+8FBB U+E0102

	@Test
	void theShiftJisCsvKeepsJisX0208WithoutVariationSequencesByDefault() {
		TargetCharacters csv = target("file", "csv", "windows-31j", "auto", null, null, false);
		assertThat(csv.carries(YOSHI)).isFalse();
		assertThat(csv.carries(TAKA)).as("windows-31j encodes it, JIS X 0208 has it not").isFalse();
		assertThat(csv.carries(TSUJI)).isFalse();
		assertThat(csv.carries("辻")).isTrue();
		assertThat(csv.carries("高橋 太郎 ハイツ101号 ～")).isTrue();
		assertThat(csv.candidates(YOSHI)).containsExactly("吉");
		assertThat(csv.candidates(TAKA)).containsExactly("高");
		assertThat(csv.candidates(TSUJI)).containsExactly("辻");
		assertThat(csv.description()).contains("windows-31j", "JIS X 0208", "異体字セレクタなし");
	}

	@Test
	void aCsvTargetTakingWhatItsCharsetEncodesTakesTheVendorKanji() {
		TargetCharacters csv = target("file", "csv", "windows-31j", "charset", null, null, false);
		assertThat(csv.carries(TAKA)).isTrue();
		assertThat(csv.carries(YOSHI)).isFalse();
		assertThat(csv.carries(TSUJI)).isFalse();
	}

	@Test
	void aUtf8CsvWithVariationSequencesKeepsEverything() {
		TargetCharacters csv = target("file", "csv", "UTF-8", "unicode", true, null, false);
		assertThat(csv.carries(YOSHI + TAKA + TSUJI)).isTrue();
	}

	@Test
	void theJsonDocumentKeepsEverythingUnlessConfiguredOtherwise() {
		assertThat(target("file", "json", "windows-31j", "auto", null, null, false).carries(YOSHI + TAKA + TSUJI))
			.isTrue();
		assertThat(target("http", "csv", "windows-31j", "auto", null, null, false).carries(YOSHI + TAKA + TSUJI))
			.as("http sends the JSON document whatever file.format says")
			.isTrue();
		TargetCharacters noIvs = target("http", "json", "UTF-8", "auto", false, null, false);
		assertThat(noIvs.carries(TSUJI)).isFalse();
		assertThat(noIvs.carries(YOSHI)).isTrue();
		assertThat(noIvs.candidates(TSUJI)).containsExactly("辻");
		TargetCharacters jis = target("http", "json", "UTF-8", "jis-x-0208", true, null, false);
		assertThat(jis.carries(TAKA)).isFalse();
		assertThat(jis.carries(TSUJI)).as("the selector kept, the base in JIS X 0208").isTrue();
	}

	@Test
	void jisX0213TakesMoreThanJisX0208() {
		TargetCharacters x0208 = target("http", "json", "UTF-8", "jis-x-0208", false, null, false);
		TargetCharacters x0213 = target("http", "json", "UTF-8", "jis-x-0213", false, null, false);
		assertThat(x0208.carries("鷗")).isFalse();
		assertThat(x0213.carries("鷗")).isTrue();
		assertThat(x0208.candidates("鷗")).containsExactly("鴎");
	}

	@Test
	void everyShippedCandidateIsInJisX0208AndEverySourceIsNot() throws IOException {
		TargetCharacters x0208 = target("http", "json", "UTF-8", "jis-x-0208", false, null, false);
		List<String> lines;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(DegenerationMap.SHIPPED)) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.toList();
		}
		assertThat(lines).hasSizeGreaterThan(15);
		for (String line : lines) {
			String[] columns = line.split("\t");
			assertThat(x0208.carries(columns[0])).as(line).isFalse();
			for (String candidate : columns[1].split(" ")) {
				assertThat(x0208.carries(candidate)).as(line).isTrue();
			}
			assertThat(x0208.candidates(columns[0])).as(line).isNotEmpty();
		}
	}

	@Test
	void aCityMapComesFirstOrReplacesTheShippedOne(@TempDir Path dir) throws IOException {
		Path city = dir.resolve("map.tsv");
		Files.writeString(city, "# 釧路市の追加\n" + YOSHI + "\t土 吉\n");
		assertThat(target("file", "csv", "windows-31j", "auto", null, city, false).candidates(YOSHI))
			.containsExactly("土", "吉");
		assertThat(target("file", "csv", "windows-31j", "auto", null, city, true).candidates(TAKA)).isEmpty();
		Files.writeString(city, "no tab here\n");
		assertThatIllegalStateException()
			.isThrownBy(() -> target("file", "csv", "windows-31j", "auto", null, city, false))
			.withMessageContaining("line 1");
	}

	@Test
	void anUnknownRepertoireStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> target("file", "csv", "windows-31j", "jis-x-9999", null, null, false))
			.withMessageContaining("madoguchi.resident-record.characters.repertoire");
	}

	static TargetCharacters target(String mode, String format, String charset, String repertoire,
			@Nullable Boolean variationSequences, @Nullable Path map, boolean replaceShipped) {
		return new TargetCharacters(
				properties(mode, format, charset, repertoire, variationSequences, map, replaceShipped, false));
	}

	static ResidentRecordProperties properties(String mode, String format, String charset, String repertoire,
			@Nullable Boolean variationSequences, @Nullable Path map, boolean replaceShipped, boolean allowPlainHttp) {
		return new ResidentRecordProperties(mode,
				new ResidentRecordProperties.File(Path.of("/tmp/outbox"), format, charset),
				new ResidentRecordProperties.Http(null, Duration.ofSeconds(5), Duration.ofSeconds(30), 5,
						Duration.ofSeconds(30)),
				new ResidentRecordProperties.Lookup(null, null, Duration.ofSeconds(10)),
				new ResidentRecordProperties.Characters(repertoire, variationSequences, map, replaceShipped),
				Duration.ofSeconds(2), 10, Duration.ofMinutes(2), 10, Duration.ofSeconds(5), Duration.ofMinutes(10),
				allowPlainHttp);
	}

}
