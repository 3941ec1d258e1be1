package jp.madoguchi.residentrecord;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.residentrecord.domain.lookup.HttpResidentRecordLookup;
import jp.madoguchi.residentrecord.domain.lookup.SnapshotFileLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both lookups answer the same questions the same way: from the city's snapshot file and
 * from the resident-record simulator's HTTP API, fed the same snapshot.
 */
class ResidentLookupTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void theSnapshotFileAnswersByFoldedNameBirthDateAndHousehold() throws Exception {
		ResidentRecordLookup lookup = new SnapshotFileLookup(snapshot(), JSON);
		assertAnswers(lookup);
	}

	@Test
	void theHttpLookupAnswersTheSame() throws Exception {
		try (ResidentRecordSimulator simulator = ResidentRecordSimulator.start(0)) {
			simulator.addResidents(snapshot());
			assertAnswers(
					new HttpResidentRecordLookup(simulator.uri(""), Duration.ofSeconds(5), JSON, simulator.signing()));
		}
	}

	@Test
	void anUnreachableSourceSaysWhy() throws Exception {
		assertThatThrownBy(
				() -> new SnapshotFileLookup(work.resolve("none.jsonl"), JSON).find(new ResidentQuery("辻", null, null)))
			.isInstanceOf(ResidentRecordLookup.LookupUnavailableException.class)
			.hasMessageContaining("ありません");
		ResidentRecordSimulator closed = ResidentRecordSimulator.start(0);
		URI gone = closed.uri("");
		closed.close();
		assertThatThrownBy(() -> new HttpResidentRecordLookup(gone, Duration.ofSeconds(2), JSON, closed.signing())
			.find(new ResidentQuery("辻", null, null)))
			.isInstanceOf(ResidentRecordLookup.LookupUnavailableException.class)
			.hasMessageContaining("接続できません");
	}

	@Test
	void aNewSnapshotDroppedInPlaceIsRead() throws Exception {
		Path file = snapshot();
		SnapshotFileLookup lookup = new SnapshotFileLookup(file, JSON);
		assertThat(lookup.find(new ResidentQuery("タカハシ", null, null))).hasSize(1);
		Files.writeString(file, Files.readAllLines(file).get(0) + "\n");
		assertThat(lookup.find(new ResidentQuery("タカハシ", null, null))).isEmpty();
	}

	private static void assertAnswers(ResidentRecordLookup lookup) {
		List<Resident> household = lookup.find(new ResidentQuery(null, null, "H0042"));
		assertThat(household).extracting(Resident::givenName).containsExactly("太郎", "花子");
		Resident head = household.get(0);
		assertThat(head.familyName()).isEqualTo("辻\uDB40\uDD02");
		assertThat(head.address().building()).isEqualTo("ハイツ101");
		assertThat(head.birthDate()).isEqualTo(LocalDate.of(1980, 4, 1));
		// Kana, and the plain 辻 for the variant with two dots, find the same people.
		assertThat(lookup.find(new ResidentQuery("つじ はなこ", null, null))).extracting(Resident::residentId)
			.containsExactly("0000124");
		assertThat(lookup.find(new ResidentQuery("辻", LocalDate.of(1980, 4, 1), null))).extracting(Resident::residentId)
			.containsExactly("0000123");
		assertThat(lookup.find(new ResidentQuery("高橋", null, null))).extracting(Resident::residentId)
			.containsExactly("0000200");
		assertThat(lookup.find(new ResidentQuery("佐藤", null, null))).isEmpty();
	}

	private Path snapshot() throws Exception {
		Path file = work.resolve("residents.jsonl");
		try (var in = ResidentLookupTests.class.getResourceAsStream("/residentrecord/residents.jsonl")) {
			Files.write(file, in.readAllBytes());
		}
		return file;
	}

}
