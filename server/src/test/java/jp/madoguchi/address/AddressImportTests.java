package jp.madoguchi.address;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jp.madoguchi.address.domain.AddressImporter;
import jp.madoguchi.address.domain.Dataset;
import jp.madoguchi.address.domain.DatasetSummary;
import jp.madoguchi.address.domain.ImportResult;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditQuery;
import jp.madoguchi.platform.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Imports against the real database. Every test that replaces a dataset restores the
 * shipped sample afterwards, so other tests find Kushiro as a fresh start would.
 */
@AddressIntegration
class AddressImportTests {

	@Autowired
	AddressImporter importer;

	@Autowired
	AddressLookup lookup;

	@Autowired
	AuditLog audit;

	@TempDir
	Path dir;

	@AfterEach
	void restoreSample() {
		importer.reloadSample();
	}

	@Test
	void theSampleIsThereAfterAFreshStart() {
		assertThat(importer.loadSampleIfEmpty()).as("loaded again although present").isFalse();
		List<DatasetSummary> summaries = importer.summaries();
		assertThat(summaries).allSatisfy(summary -> {
			assertThat(summary.rows()).isPositive();
			assertThat(summary.sample()).isTrue();
			assertThat(summary.lastImport().importedBy()).isEqualTo("system");
		});
		assertThat(lookup.byPostalCode("0850018"))
			.containsExactly(new PostalAddress("0850018", "北海道", "釧路市", "黒金町", "ホッカイドウ", "クシロシ", "クロガネチョウ", "012068"));
	}

	@Test
	void looksUpPostalCodesInEverySpellingPeopleType() {
		for (String typed : List.of("0850061", "085-0061", "０８５００６１", "０８５－００６１", "〒085-0061")) {
			assertThat(lookup.byPostalCode(typed)).as(typed)
				.extracting(PostalAddress::town)
				.containsExactly("愛国東", "愛国西");
		}
	}

	@Test
	void aCodeForTheWholeCityHasNoTown() {
		assertThat(lookup.byPostalCode("085-0000")).singleElement().satisfies(address -> {
			assertThat(address.city()).isEqualTo("釧路市");
			assertThat(address.town()).isEmpty();
			assertThat(address.townKana()).isEmpty();
		});
	}

	@Test
	void quotedTownsWithCommasSurviveTheImport() {
		assertThat(lookup.byPostalCode("0850467")).extracting(PostalAddress::town).containsExactly("阿寒町（上阿寒、下阿寒）");
	}

	@Test
	void anUnknownCodeIsAnEmptyListAndAMalformedOneIsRefused() {
		assertThat(lookup.byPostalCode("0859999")).isEmpty();
		assertThatThrownBy(() -> lookup.byPostalCode("085-00")).isInstanceOf(ProblemException.class)
			.satisfies((e) -> assertThat(e.getLocalizedMessage()).isEqualTo("郵便番号は7桁の数字で入力してください。"))
			.extracting("code")
			.isEqualTo("INVALID_POSTAL_CODE");
	}

	@Test
	void listsTheTownsInForceOfALocalGovernment() {
		List<Town> towns = lookup.towns("012068");
		assertThat(towns).extracting(Town::name).contains("黒金町", "黒金町七丁目", "幣舞町", "新富士町一丁目").doesNotContain("旧川端町");
		assertThat(towns).filteredOn(town -> town.machiazaId().equals("0001007"))
			.singleElement()
			.isEqualTo(
					new Town("012068", "0001007", "北海道", "", "釧路市", "", "黒金町", "七丁目", "", "クロガネチョウナナチョウメ", "0850018"));
		assertThat(lookup.towns("01206")).as("five digits without the check digit").isEqualTo(towns);
		assertThat(lookup.towns("019992")).isEmpty();
	}

	@Test
	void importsAGeneratedKenAllOfAHundredThousandRows() throws IOException {
		int count = 100_000;
		Path file = AddressFiles.write(dir.resolve("utf_ken_all.csv"), null, count, AddressFiles::kenAllRow);
		ImportResult result;
		try (InputStream in = Files.newInputStream(file)) {
			result = importer.importFile(Dataset.KEN_ALL, in, "utf_ken_all.csv", "test");
		}
		System.out.printf("ken_all: %,d rows (%,d bytes) in %d ms = %,d rows/s%n", result.rows(), Files.size(file),
				result.took().toMillis(), result.rowsPerSecond());
		assertThat(result.rows()).isEqualTo(count);
		assertThat(summary(Dataset.KEN_ALL).rows()).isEqualTo(count);
		assertThat(summary(Dataset.KEN_ALL).lastImport().source()).isEqualTo("utf_ken_all.csv");
		assertThat(lookup.byPostalCode("0850018")).as("the sample was replaced").isEmpty();
		assertThat(lookup.byPostalCode(AddressFiles.postalCode(76_543))).singleElement()
			.satisfies(address -> assertThat(address.town()).isEqualTo("試験町（76543、い）"));
		assertThat(summary(Dataset.TOWN_MASTER).sample()).as("the other dataset is untouched").isTrue();
	}

	@Test
	void importsAGeneratedTownMasterOfAHundredThousandRows() throws IOException {
		int count = 100_000;
		Path file = AddressFiles.write(dir.resolve("mt_town_all.csv"), "\uFEFF" + AddressFiles.TOWN_HEADER, count,
				AddressFiles::townRow);
		ImportResult result;
		try (InputStream in = Files.newInputStream(file)) {
			result = importer.importFile(Dataset.TOWN_MASTER, in, "mt_town_all.csv", "test");
		}
		System.out.printf("mt_town_all: %,d rows (%,d bytes) in %d ms = %,d rows/s%n", result.rows(), Files.size(file),
				result.took().toMillis(), result.rowsPerSecond());
		assertThat(result.rows()).isEqualTo(count);
		assertThat(lookup.towns("019992")).hasSize(count);
		assertThat(lookup.towns("012068")).isEmpty();
	}

	@Test
	void aBadRowAbortsTheImportAndLeavesThePreviousDataIntact() throws IOException {
		List<DatasetSummary> before = importer.summaries();
		List<PostalAddress> kurogane = lookup.byPostalCode("0850018");
		Instant started = Instant.now();
		int bad = 60_000;
		Path file = AddressFiles.write(dir.resolve("broken.csv"), null, 70_000, i -> (i == bad)
				? AddressFiles.kenAllRow(i).replace(AddressFiles.postalCode(i), "12345") : AddressFiles.kenAllRow(i));

		ProblemException refused;
		try (InputStream in = Files.newInputStream(file)) {
			refused = catchThrowableOfType(ProblemException.class,
					() -> importer.importFile(Dataset.KEN_ALL, in, "broken.csv", "test"));
		}

		assertThat(refused.code()).isEqualTo("ADDRESS_FILE_INVALID");
		assertThat(refused.getLocalizedMessage()).isEqualTo("60001行目: 3列目（郵便番号）が7桁の数字ではありません: 「12345」");
		assertThat(refused.properties()).containsEntry("line", 60_001L);
		assertThat(importer.summaries()).isEqualTo(before);
		assertThat(lookup.byPostalCode("0850018")).isEqualTo(kurogane);
		assertThat(lookup.byPostalCode(AddressFiles.postalCode(1))).isEmpty();
		List<AuditEvent> failures = audit.search(
				new AuditQuery("test", "address:ken_all", "ADDRESS_IMPORTED", AuditOutcome.FAILURE, started, null, 10));
		assertThat(failures).singleElement()
			.satisfies(event -> assertThat(event.detail()).contains("broken.csv", "60001行目"));
	}

	@Test
	void anImportIsAudited() throws IOException {
		Instant started = Instant.now();
		Path file = AddressFiles.write(dir.resolve("small.csv"), null, 3, AddressFiles::kenAllRow);
		try (InputStream in = Files.newInputStream(file)) {
			importer.importFile(Dataset.KEN_ALL, in, "small.csv", "test");
		}
		assertThat(audit.search(
				new AuditQuery("test", "address:ken_all", "ADDRESS_IMPORTED", AuditOutcome.SUCCESS, started, null, 10)))
			.singleElement()
			.satisfies(event -> assertThat(event.detail()).isEqualTo("small.csv: 3件"));
	}

	@Test
	void refusesFilesThatAreNotTheFormat() {
		assertRefused(Dataset.KEN_ALL, "01206,\"085  \",\"0850000\"\n", "1行目: 列の数が15ではありません（3列）");
		assertRefused(Dataset.KEN_ALL,
				AddressFiles.kenAllRow(0) + AddressFiles.kenAllRow(1).replace(",0,0,1,0,0,0", ",0,0,1,0,3,0"),
				"2行目: 14列目（更新の表示）は0から2までの数字でなければなりません: 「3」");
		assertRefused(Dataset.KEN_ALL, "", "データ行がありません");
		assertRefused(Dataset.TOWN_MASTER, "lg_code,machiaza_id,pref\n012068,0001000,北海道\n",
				"1行目: 町字マスター（mt_town_all.csv）の見出し行ではありません。ない列: machiaza_type, pref_kana");
		assertRefused(Dataset.TOWN_MASTER,
				AddressFiles.TOWN_HEADER + "\n" + AddressFiles.townRow(1)
						+ AddressFiles.townRow(2).replace("2020-04-01", "2020-13-01"),
				"3行目: efct_date が日付（例: 2020-04-01）ではありません: 「2020-13-01」");
		assertRefused(Dataset.TOWN_MASTER,
				AddressFiles.TOWN_HEADER + "\n" + AddressFiles.townRow(1) + AddressFiles.townRow(1),
				"データベースに書き込めませんでした");
		assertRefused(Dataset.TOWN_MASTER,
				AddressFiles.TOWN_HEADER + "\n" + AddressFiles.townRow(1) + "\"012068,0001001\n",
				"3行目: 引用符（\"）が閉じられていません。");
	}

	@Test
	void refusesShiftJisAndNamesTheLine() {
		byte[] shiftJis = (AddressFiles.kenAllRow(0) + AddressFiles.kenAllRow(1))
			.getBytes(Charset.forName("Shift_JIS"));
		assertThatThrownBy(
				() -> importer.importFile(Dataset.KEN_ALL, new ByteArrayInputStream(shiftJis), "KEN_ALL.CSV", "test"))
			.isInstanceOf(ProblemException.class)
			.satisfies((e) -> assertThat(e.getLocalizedMessage()).startsWith("1行目: UTF-8 として読めない文字があります"));
		assertThat(summary(Dataset.KEN_ALL).sample()).isTrue();
	}

	private void assertRefused(Dataset dataset, String content, String message) {
		List<DatasetSummary> before = importer.summaries();
		assertThatThrownBy(() -> importer.importFile(dataset,
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "bad.csv", "test"))
			.isInstanceOf(ProblemException.class)
			.satisfies((e) -> assertThat(e.getLocalizedMessage()).contains(message))
			.extracting("code")
			.isEqualTo("ADDRESS_FILE_INVALID");
		assertThat(importer.summaries()).as("unchanged after: " + message).isEqualTo(before);
	}

	private DatasetSummary summary(Dataset dataset) {
		return importer.summaries().stream().filter(s -> s.dataset() == dataset).findFirst().orElseThrow();
	}

}
