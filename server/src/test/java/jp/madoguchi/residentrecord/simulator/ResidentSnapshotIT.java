package jp.madoguchi.residentrecord.simulator;

import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.SentAheadQuery;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch;
import jp.madoguchi.residentrecord.domain.lookup.SnapshotFileLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full demo snapshot ({@code bin/start --demo-residents}): at least 50,000 residents
 * in 25,000 households, read and indexed by the snapshot lookup, searches over it
 * bounded.
 */
class ResidentSnapshotIT {

	@TempDir
	Path work;

	@Test
	void theDemoSnapshotHasFiftyThousandResidentsInTwentyFiveThousandHouseholds() throws Exception {
		Path file = work.resolve("residents-demo.jsonl");
		ResidentSnapshotGenerator.Summary summary;
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			summary = ResidentSnapshotGenerator.write(out, 25_000, 18,
					new InputStreamReader(getClass().getResourceAsStream(ResidentSnapshotGeneratorTests.MASTER),
							StandardCharsets.UTF_8),
					ResidentSnapshotGeneratorTests.TODAY);
		}
		assertThat(summary.households()).isEqualTo(25_000);
		assertThat(summary.residents()).isGreaterThanOrEqualTo(50_000);
		assertThat(summary.sentAhead()).isEqualTo(250);

		SnapshotFileLookup lookup = new SnapshotFileLookup(file, JsonMapper.builder().build());
		long start = System.nanoTime();
		lookup.find(new ResidentQuery(null, null, "H000001"));
		// printed for docs/performance.md, not asserted (ADR-15)
		System.out.printf("[measure] snapshot of %d residents read and indexed in %d ms%n", summary.residents(),
				(System.nanoTime() - start) / 1_000_000);
		long residents = IntStream.rangeClosed(1, 25_000)
			.mapToLong(h -> lookup.find(new ResidentQuery(null, null, String.format("H%06d", h))).size())
			.sum();
		assertThat(residents).isEqualTo(summary.residents());
		assertThat(lookup.find(new ResidentQuery("さとう", null, null))).hasSizeGreaterThan(500);
		HouseholdSearch.Households sato = new HouseholdSearch(lookup).find(new ResidentQuery("佐藤", null, null));
		assertThat(sato.truncated()).isTrue();
		assertThat(sato.households()).hasSize(HouseholdSearch.MAX_HOUSEHOLDS);
		assertThat(lookup.findSentAhead(new SentAheadQuery(null, null, ResidentSnapshotGeneratorTests.TODAY)))
			.isNotEmpty();
		printSearchTimes(new HouseholdSearch(lookup));
	}

	/**
	 * The household search itself, without HTTP, security and audit: 2,000 searches by
	 * name (family names of the generator, kanji or kana, alone or with a given name)
	 * after 2,000 to warm up. Printed for docs/performance.md, not asserted (ADR-15).
	 */
	private static void printSearchTimes(HouseholdSearch search) {
		String[] names = { "佐藤", "さとう", "鈴木", "タカハシ", "髙橋", "渡邉", "𠮷田", "佐々木", "山﨑", "つじ", "グエン", "佐藤 太郎", "すずき はなこ",
				"辻󠄂 健太", "たなか" };
		long[] nanos = new long[2_000];
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < nanos.length; i++) {
				long start = System.nanoTime();
				search.find(new ResidentQuery(names[i % names.length], null, null));
				nanos[i] = System.nanoTime() - start;
			}
		}
		java.util.Arrays.sort(nanos);
		System.out.printf(
				"[measure] household search by name over the snapshot: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
				nanos[1_000] / 1e6, nanos[1_900] / 1e6, nanos[1_999] / 1e6);
	}

}
