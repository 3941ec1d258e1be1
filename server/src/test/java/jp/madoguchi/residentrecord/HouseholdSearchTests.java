package jp.madoguchi.residentrecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch.CardMatch;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch.Comparison;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch.Household;
import jp.madoguchi.residentrecord.domain.lookup.HttpResidentRecordLookup;
import jp.madoguchi.residentrecord.domain.lookup.SnapshotFileLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding the household over the snapshot of {@code residentrecord/households.jsonl} (two
 * 辻 太郎 born the same day in two households, one with a variation selector; 髙橋; a foreign
 * resident; two entries of data sent ahead), through the snapshot file and through the
 * simulator's HTTP API alike.
 */
class HouseholdSearchTests {

	static final String TSUJI = "辻\uDB40\uDD02";

	static final String KUROGANE = "北海道釧路市黒金町7丁目5番地ハイツ101";

	@TempDir
	Path work;

	@Test
	void overTheSnapshotFile() throws Exception {
		ResidentRecordLookup lookup = new SnapshotFileLookup(snapshot(), ResidentLookupTests.JSON);
		assertLookups(lookup);
		assertSearches(new HouseholdSearch(lookup));
	}

	@Test
	void overTheHttpApiTheSame() throws Exception {
		try (ResidentRecordSimulator simulator = ResidentRecordSimulator.start(0)) {
			simulator.addResidents(snapshot());
			ResidentRecordLookup lookup = new HttpResidentRecordLookup(simulator.uri(""), Duration.ofSeconds(5),
					ResidentLookupTests.JSON, simulator.signing());
			assertLookups(lookup);
			assertSearches(new HouseholdSearch(lookup));
		}
	}

	/**
	 * A search asks the HTTP source twice, however many households it lists: once for the
	 * residents matched, once for every member of their households.
	 */
	@Test
	void overTheHttpApiOneSearchIsOneBatchedRequestForTheHouseholds() throws Exception {
		try (ResidentRecordSimulator simulator = ResidentRecordSimulator.start(0)) {
			simulator.addResidents(snapshot());
			HouseholdSearch search = new HouseholdSearch(new HttpResidentRecordLookup(simulator.uri(""),
					Duration.ofSeconds(5), ResidentLookupTests.JSON, simulator.signing()));
			HouseholdSearch.Households found = search.find(new ResidentQuery("つじ たろう", null, null));
			assertThat(found.households()).extracting(Household::householdId).containsExactly("H0042", "H0050");
			assertThat(found.households().get(0).members()).hasSize(4);
			assertThat(simulator.residentQueries()).hasSize(2);
			assertThat(simulator.residentQueries().get(1)).isEqualTo("memberOf=H0042&memberOf=H0050");
		}
	}

	@Test
	void theHouseholdsAskedForComeWithEveryMemberInTheOrderAsked() throws Exception {
		ResidentRecordLookup snapshot = new SnapshotFileLookup(snapshot(), ResidentLookupTests.JSON);
		try (ResidentRecordSimulator simulator = ResidentRecordSimulator.start(0)) {
			simulator.addResidents(snapshot());
			ResidentRecordLookup http = new HttpResidentRecordLookup(simulator.uri(""), Duration.ofSeconds(5),
					ResidentLookupTests.JSON, simulator.signing());
			for (ResidentRecordLookup lookup : List.of(snapshot, http)) {
				Map<String, List<Resident>> households = lookup.findHouseholds(List.of("H0050", "H9999", "H0042"));
				assertThat(households.keySet()).as(lookup.source()).containsExactly("H0050", "H0042");
				assertThat(ids(households.get("H0042"))).as(lookup.source())
					.isEqualTo(ids(lookup.find(new ResidentQuery(null, null, "H0042"))))
					.hasSize(4);
				assertThat(lookup.findHouseholds(List.of())).isEmpty();
			}
		}
	}

	private static void assertLookups(ResidentRecordLookup lookup) {
		// folded as the notification search folds: kana, variants, spaces, width
		assertThat(ids(lookup.find(new ResidentQuery("つじ たろう", null, null)))).containsExactly("0000123", "0000300");
		assertThat(ids(lookup.find(new ResidentQuery("辻太郎", null, null)))).containsExactly("0000123", "0000300");
		assertThat(ids(lookup.find(new ResidentQuery("ﾀｶﾊｼ", null, null)))).containsExactly("0000200");
		assertThat(ids(lookup.find(new ResidentQuery("高橋 一郎", null, null)))).containsExactly("0000200");
		assertThat(ids(lookup.find(new ResidentQuery("グエン", null, null)))).containsExactly("0000400");
		assertThat(ids(lookup.find(new ResidentQuery("Nguyen Van", null, null)))).containsExactly("0000400");
		// addresses from the town on or in full, block numbers written any way
		assertThat(ids(lookup.find(new ResidentQuery(null, null, null, "黒金町7-5")))).containsExactly("0000123",
				"0000124", "0000125", "0000126");
		assertThat(ids(lookup.find(new ResidentQuery(null, null, null, "釧路市黒金町七丁目５番地")))).hasSize(4);
		assertThat(ids(lookup.find(new ResidentQuery("つじ", null, null, "幣舞町")))).containsExactly("0000300");
		assertThat(ids(lookup.find(new ResidentQuery("辻", LocalDate.of(1982, 6, 3), null)))).containsExactly("0000124");
		assertThat(lookup.find(new ResidentQuery(null, null, "H9999"))).isEmpty();
		// by 宛名番号, in the order asked, unknown ones left out
		assertThat(ids(lookup.findByIds(List.of("0000300", "nobody", "0000123")))).containsExactly("0000300",
				"0000123");
		// data sent ahead: by a person's name and birth date, or the planned visit date
		assertThat(lookup.findSentAhead(new SentAheadQuery("よしだ みさき", LocalDate.of(1990, 10, 10), null)))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.noticeId()).isEqualTo("T0000001");
				assertThat(s.plannedMoveOutDate()).isEqualTo(LocalDate.of(2026, 11, 28));
				assertThat(s.persons()).extracting(SentAhead.Person::familyName)
					.containsOnly("\uD842\uDFB7田")
					.hasSize(2);
				assertThat(s.previousAddress().city()).isEqualTo("札幌市中央区");
			});
		assertThat(lookup.findSentAhead(new SentAheadQuery(null, null, LocalDate.of(2026, 12, 5))))
			.extracting(SentAhead::noticeId)
			.containsExactly("T0000002");
		assertThat(lookup.findSentAhead(new SentAheadQuery("つじ", null, null))).isEmpty();
	}

	private static void assertSearches(HouseholdSearch search) {
		// two households with a 辻 太郎: both listed with every member, never one picked
		HouseholdSearch.Households found = search.find(new ResidentQuery("つじ たろう", null, null));
		assertThat(found.truncated()).isFalse();
		assertThat(found.matchedResidents()).isEqualTo(2);
		assertThat(found.households()).extracting(Household::householdId).containsExactly("H0042", "H0050");
		Household tsuji = found.households().get(0);
		assertThat(tsuji.headOfHousehold()).isEqualTo(TSUJI + " 太郎");
		assertThat(tsuji.members()).extracting(m -> m.resident().givenName()).containsExactly("太郎", "花子", "一郎", "さくら");
		assertThat(tsuji.members()).extracting(HouseholdSearch.Member::matched)
			.containsExactly(true, false, false, false);

		// the card of the 辻󠄂 太郎 of 黒金町: his household first, the other 辻 太郎 listed too
		HouseholdSearch.Households byCard = search
			.byCard(new CardItems(TSUJI + "　太郎", LocalDate.of(1980, 4, 1), "MALE", KUROGANE));
		assertThat(byCard.households()).extracting(Household::householdId).containsExactly("H0042", "H0050");
		assertThat(match(byCard, 0))
			.isEqualTo(new CardMatch(Comparison.SAME, Comparison.SAME, Comparison.SAME, Comparison.SAME));
		assertThat(match(byCard, 1))
			.isEqualTo(new CardMatch(Comparison.SAME_FOLDED, Comparison.SAME, Comparison.SAME, Comparison.DIFFERENT));
		// without the 方書 on the card: a partial address
		assertThat(match(search.byCard(new CardItems("辻 太郎", LocalDate.of(1980, 4, 1), "MALE", "北海道釧路市黒金町七丁目５番地")), 0)
			.address()).isEqualTo(Comparison.PARTIAL);
		// a changed name: the address and the sex find her, the name is shown as
		// different
		HouseholdSearch.Households renamed = search
			.byCard(new CardItems("佐藤 花子", LocalDate.of(1982, 6, 3), "FEMALE", KUROGANE));
		assertThat(renamed.households()).singleElement().extracting(Household::householdId).isEqualTo("H0042");
		assertThat(match(renamed, 0).name()).isEqualTo(Comparison.DIFFERENT);
		// same birth date, different name and address: nobody
		assertThat(
				search.byCard(new CardItems("鈴木 次郎", LocalDate.of(1980, 4, 1), "MALE", "北海道釧路市幣舞町9番9号")).households())
			.isEmpty();

		// the card still shows the old address: data sent ahead found by it
		assertThat(search
			.sentAheadByCard(new CardItems("𠮷田 健太", LocalDate.of(1988, 2, 29), "MALE", "北海道札幌市中央区北一条西2丁目1番地")))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.sentAhead().noticeId()).isEqualTo("T0000001");
				assertThat(m.personIndex()).isZero();
				assertThat(m.match().address()).isEqualTo(Comparison.SAME);
			});
	}

	private static CardMatch match(HouseholdSearch.Households found, int household) {
		return found.households()
			.get(household)
			.members()
			.stream()
			.filter(HouseholdSearch.Member::matched)
			.findFirst()
			.orElseThrow()
			.cardMatch();
	}

	private static List<String> ids(List<Resident> residents) {
		return residents.stream().map(Resident::residentId).toList();
	}

	private Path snapshot() throws Exception {
		Path file = work.resolve("households.jsonl");
		try (var in = HouseholdSearchTests.class.getResourceAsStream("/residentrecord/households.jsonl")) {
			Files.write(file, in.readAllBytes());
		}
		return file;
	}

}
