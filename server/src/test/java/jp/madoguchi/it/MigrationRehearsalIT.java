package jp.madoguchi.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24's migration rehearsal: {@code bin/migration-rehearsal} on the shipped sample
 * (ops/migration/sample) imports the masters from CSV, loads the resident snapshot, runs
 * a sample day, backs up, restores into a second data directory and finds every count the
 * same; the comparison alone, run against that restored instance started as on a second
 * machine with one row removed, reports the difference as NG and exits non-zero.
 */
class MigrationRehearsalIT {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Path SAMPLE = REPOSITORY.resolve("ops/migration/sample");

	@TempDir
	Path work;

	@Test
	void theRestoredInstanceHasEveryCountOfTheRehearsalAndARemovedRowIsReportedNg() throws Exception {
		Path rehearsal = work.resolve("rehearsal");
		Script full = Script.run(work, "--work", rehearsal.toString());
		assertThat(full.exitCode()).as(full.output()).isZero();
		String report = Files.readString(rehearsal.resolve("移行リハーサル報告書.md"));
		assertThat(report).as(report).contains("判定: OK — すべての項目が一致しました。");
		// the imports did what the sample files say
		assertThat(report).contains("休日・閉庁日（holidays.csv）: 追加 6 件", "グループ（groups.csv）: 6 件", "利用者（users.csv）: 7 人",
				"手続マスタ（procedures.csv）: 3 件を更新", "様式テンプレート（templates/*.json）: 1 件", "住民 9 人をすべて宛名番号で照会できました",
				"受付を3件発券しました", "住民記録への送信が 1 件記録されました");
		List<String> compared = comparisonRows(report);
		assertThat(compared).as(report)
			.hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(row -> assertThat(row).endsWith("| OK |"));
		assertThat(row(compared, "address.towns")).contains("| 16 | 16 | 一致 |");
		assertThat(row(compared, "reception.receptions")).contains("| 3 | 3 |");
		assertThat(row(compared, "moving.notifications")).contains("| 1 | 1 |");
		assertThat(row(compared, "residentrecord.deliveries")).contains("| 1 | 1 |");
		assertThat(row(compared, "accounts.users")).contains("| 9 | 9 |");
		assertThat(row(compared, "audit.events")).contains("一致");
		assertThat(row(compared, "/api/v1/audit/verify")).contains("正常");
		// the users' one-time passwords: once, for the owner only
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(rehearsal.resolve("initial-passwords.json"))))
			.isEqualTo("rw-------");
		assertThat(Files.readString(rehearsal.resolve("initial-passwords.json"))).contains("\"initialPassword\"")
			.contains("shimin01");

		// The restored data directory started again as on the second machine; one holiday
		// removed before the comparison.
		Path restoredData = rehearsal.resolve("instance-b");
		try (RunningServer restored = RunningServer.start(work, Map.of(), "--madoguchi.data-dir=" + restoredData,
				"--madoguchi.resident-record.lookup.snapshot=" + SAMPLE.resolve("residents.jsonl"),
				"--madoguchi.address.sample=false")) {
			Path altered = work.resolve("altered.md");
			Script comparison = Script.run(work, "--compare", rehearsal.toString(), "--data-dir",
					restoredData.toString(), "--url", restored.uri("").toString(), "--report", altered.toString(),
					"--alter-restore");
			assertThat(comparison.exitCode()).as(comparison.output()).isEqualTo(1);
			String ng = Files.readString(altered);
			assertThat(ng).as(ng).contains("判定: NG").contains("検出テスト");
			List<String> rows = comparisonRows(ng);
			String holidays = row(rows, "admin.holidays");
			assertThat(holidays).endsWith("| 不一致 | NG |");
			String[] cells = holidays.split("\\|");
			assertThat(Integer.parseInt(cells[4].strip())).isEqualTo(Integer.parseInt(cells[3].strip()) - 1);
			assertThat(rows).filteredOn(row -> row.endsWith("| NG |")).hasSize(1);
		}
	}

	/** The rows of the report's comparison table (section 2). */
	private static List<String> comparisonRows(String report) {
		String section = report.substring(report.indexOf("## 2."), report.indexOf("## 3."));
		return section.lines().filter(line -> line.startsWith("| ") && line.contains("`")).toList();
	}

	private static String row(List<String> rows, String table) {
		return rows.stream()
			.filter(row -> row.contains("`" + table + "`"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + table + " in " + rows));
	}

	/**
	 * {@code bin/migration-rehearsal …} from the repository, with this JVM's {@code java}
	 * first on the PATH.
	 */
	record Script(int exitCode, String output) {

		static Script run(Path work, String... arguments) throws Exception {
			List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("bin/migration-rehearsal").toString()));
			command.addAll(List.of(arguments));
			Path log = Files.createTempFile(work, "rehearsal-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			String javaDirectory = Path.of(RunningServer.javaBinary()).getParent().toString();
			RunningServer.operatorEnvironment(builder,
					Map.of("PATH", javaDirectory + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
			Process process = builder.start();
			if (!process.waitFor(15, TimeUnit.MINUTES)) {
				process.destroy();
				process.waitFor(60, TimeUnit.SECONDS);
				throw new IllegalStateException("bin/migration-rehearsal did not finish: " + Files.readString(log));
			}
			return new Script(process.exitValue(), Files.readString(log));
		}

	}

}
