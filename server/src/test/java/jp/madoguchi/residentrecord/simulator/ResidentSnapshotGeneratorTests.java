package jp.madoguchi.residentrecord.simulator;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import jp.madoguchi.residentrecord.domain.lookup.SnapshotFileLookup;
import jp.madoguchi.text.ExactText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated snapshot: the same seed gives the same bytes, and a small set already has
 * what demos and load tests need (the full 25,000 households: ResidentSnapshotIT).
 */
class ResidentSnapshotGeneratorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final String MASTER = "/address/sample/mt_town_all-kushiro-SAMPLE.csv";

	@TempDir
	Path work;

	@Test
	void theSameSeedGivesTheSameSnapshotAndAnotherSeedAnother() throws Exception {
		assertThat(generate(400, 7)).isEqualTo(generate(400, 7)).isNotEqualTo(generate(400, 8));
	}

	@Test
	void aSmallSetHasHouseholdsOnTheTownMasterWithVariantAndRareNamesForeignResidentsAndDataSentAhead()
			throws Exception {
		Path file = work.resolve("residents.jsonl");
		Files.writeString(file, generate(800, 18));
		SnapshotFileLookup lookup = new SnapshotFileLookup(file, JsonMapper.builder().build());
		List<Resident> residents = everyone(lookup);
		Map<String, List<Resident>> households = residents.stream()
			.collect(Collectors.groupingBy(Resident::householdId));
		assertThat(households).hasSize(800);
		assertThat(residents).hasSizeGreaterThanOrEqualTo(2 * 800);
		assertThat(residents.stream().map(Resident::residentId).distinct()).hasSize(residents.size());
		assertThat(households.values())
			.allSatisfy(members -> assertThat(members).filteredOn(m -> "世帯主".equals(m.relationship())).hasSize(1));

		Set<String> masterTowns = new HashSet<>();
		for (String[] town : ResidentSnapshotGenerator.towns(master())) {
			masterTowns.add(town[3]);
		}
		assertThat(residents).allSatisfy(r -> {
			assertThat(masterTowns).contains(r.address().town());
			assertThat(r.address().city()).isEqualTo("釧路市");
		});

		CharsetEncoder jisX0208 = Charset.forName("Shift_JIS").newEncoder();
		assertThat(residents).filteredOn(r -> r.familyName().codePoints().anyMatch(ExactText::isVariationSelector))
			.hasSizeGreaterThan(10);
		assertThat(residents)
			.filteredOn(r -> r.nationality() == null
					&& !jisX0208.canEncode(r.fullName().replaceAll("[\\x{E0100}-\\x{E01EF}]", "")))
			.hasSizeGreaterThan(10);
		assertThat(residents).filteredOn(r -> r.nationality() != null)
			.hasSizeGreaterThan(5)
			.allSatisfy(r -> assertThat(r.nameAlphabet()).matches("[A-ZÉ ]+"));

		List<SentAhead> sentAhead = lookup.findSentAhead(new SentAheadQuery("", null, null));
		assertThat(sentAhead).isEmpty();
		List<SentAhead> all = sentAheadAround(lookup);
		assertThat(all).hasSize(8).allSatisfy(s -> {
			assertThat(s.persons()).isNotEmpty();
			assertThat(s.plannedMoveOutDate()).isBeforeOrEqualTo(s.plannedVisitDate());
			assertThat(s.previousAddress().city()).isNotEqualTo("釧路市");
			assertThat(masterTowns).contains(s.newAddress().town());
		});
		assertThat(lookup.findSentAhead(new SentAheadQuery(null, null, TODAY))).isNotEmpty();
	}

	private static List<Resident> everyone(SnapshotFileLookup lookup) {
		// every household number the generator gives: H000001, H000002, ...
		return java.util.stream.IntStream.rangeClosed(1, 800)
			.mapToObj(h -> lookup.find(new ResidentQuery(null, null, String.format("H%06d", h))))
			.flatMap(List::stream)
			.toList();
	}

	private static List<SentAhead> sentAheadAround(SnapshotFileLookup lookup) {
		return TODAY.minusDays(30)
			.datesUntil(TODAY.plusDays(30))
			.flatMap(day -> lookup.findSentAhead(new SentAheadQuery(null, null, day)).stream())
			.toList();
	}

	private static String generate(int households, long seed) throws Exception {
		StringWriter out = new StringWriter();
		ResidentSnapshotGenerator.write(out, households, seed, master(), TODAY);
		return out.toString();
	}

	private static Reader master() {
		return new InputStreamReader(ResidentSnapshotGeneratorTests.class.getResourceAsStream(MASTER),
				StandardCharsets.UTF_8);
	}

}
