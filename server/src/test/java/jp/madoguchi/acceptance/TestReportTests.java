package jp.madoguchi.acceptance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.madoguchi.acceptance.TestReportWriter.ClassResult;
import jp.madoguchi.acceptance.TestReportWriter.Report;
import jp.madoguchi.acceptance.TestReportWriter.Requirement;
import jp.madoguchi.acceptance.TestReportWriter.Row;
import jp.madoguchi.acceptance.TestReportWriter.Verdict;
import jp.madoguchi.forms.FormRendererTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test report (issue 24): the requirement table of docs/requirements.md maps every
 * requirement to test classes that exist or names the gap, and the writer turns sample
 * Surefire/Failsafe reports into one row per requirement with its result, as HTML and as
 * PDF/A-2b.
 */
class TestReportTests {

	static final Path REQUIREMENTS = Path.of("..", "docs", "requirements.md");

	static final Path PERFORMANCE = Path.of("..", "docs", "performance.md");

	@TempDir
	Path dir;

	@Test
	void everyRequirementHasExistingTestsOrAnExplicitGap() throws Exception {
		List<Requirement> requirements = TestReportWriter.requirements(REQUIREMENTS);
		Set<String> testClasses = testClasses();
		assertThat(testClasses).contains("TestReportTests", "TrainingModeBrowserTests", "CardAgentIT");
		assertThat(requirements).hasSizeGreaterThanOrEqualTo(20);
		assertThat(requirements.stream().map(Requirement::id).collect(Collectors.toSet())).hasSize(requirements.size());
		for (Requirement requirement : requirements) {
			assertThat(requirement.tests().isEmpty() && requirement.gap().isEmpty())
				.as(requirement.id() + " has neither a test nor a gap")
				.isFalse();
			assertThat(requirement.tests()).as(requirement.id())
				.allSatisfy((test) -> assertThat(testClasses)
					.as(requirement.id() + " names " + test + ", which is no test class")
					.contains(test));
		}
		String areas = requirements.stream().map(Requirement::area).collect(Collectors.joining(" "));
		for (String area : List.of("機能①", "機能②", "機能③", "機能④", "機能⑤", "機能⑥", "機能⑦", "機能⑧", "機能⑨", "その他要件", "非機能",
				"セキュリティ", "ログ")) {
			assertThat(areas).as("the specification's " + area).contains(area);
		}
	}

	@Test
	void sampleReportsGiveOneRowPerRequirementWithItsResult() throws Exception {
		Path surefire = Files.createDirectories(dir.resolve("surefire-reports"));
		Path failsafe = Files.createDirectories(dir.resolve("failsafe-reports"));
		suite(surefire, "jp.madoguchi.prefiling.PublicPrefilingTests", 12, 0, 0, 0);
		suite(surefire, "jp.madoguchi.reception.ReceptionApiTests", 20, 1, 0, 0);
		suite(surefire, "jp.madoguchi.reception.ReceptionPagesTests", 8, 0, 0, 1);
		suite(failsafe, "jp.madoguchi.it.BackupRestoreIT", 2, 0, 0, 0);
		suite(surefire, "jp.madoguchi.admin.backup.BackupSealTests", 3, 0, 0, 0);
		suite(surefire, "jp.madoguchi.admin.backup.BackupCommandAuditTests", 1, 0, 0, 0);
		Map<String, ClassResult> results = TestReportWriter.results(List.of(surefire, failsafe, dir.resolve("none")));
		assertThat(results).hasSize(6);

		List<Requirement> requirements = TestReportWriter.requirements(REQUIREMENTS);
		List<Row> rows = TestReportWriter.rows(requirements, results);
		assertThat(rows).hasSameSizeAs(requirements);
		assertThat(verdict(rows, "F1")).isEqualTo(Verdict.未実行); // only one of its classes
																// ran
		assertThat(verdict(rows, "F2")).isEqualTo(Verdict.不合格); // ReceptionApiTests
																// failed
		assertThat(verdict(rows, "F7")).isEqualTo(Verdict.不合格);
		assertThat(verdict(rows, "O5")).isEqualTo(Verdict.合格); // all three of its
																// classes passed
		assertThat(verdict(rows, "N1")).isEqualTo(Verdict.テストなし);

		Report report = TestReportWriter.report(rows, results, TestReportWriter.performance(PERFORMANCE),
				ZonedDateTime.of(2026, 12, 2, 21, 0, 0, 0, TestReportWriter.TOKYO));
		assertThat(report.tests()).isEqualTo(46);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.performance()).anyMatch((figure) -> figure.contains("p95"));

		String html = TestReportWriter.html(report);
		Matcher row = Pattern.compile("<tr data-requirement=\"([A-Z][0-9]+)\">").matcher(html);
		List<String> ids = row.results().map((m) -> m.group(1)).toList();
		assertThat(ids).isEqualTo(requirements.stream().map(Requirement::id).toList());
		assertThat(html).contains("テスト結果報告書", "2026年12月2日 21:00", "ReceptionApiTests 20件（失敗 1）",
				"PublicPrefilingTests 12件", "GuideApiTests 未実行", "issue 21 で作業中", "<td class=\"合格\">合格</td>");

		byte[] pdf = TestReportWriter.pdf(report, TestReportWriter.FONT);
		Path file = Files.write(dir.resolve("report.pdf"), pdf);
		String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
		for (Requirement requirement : requirements) {
			assertThat(text).contains(requirement.id() + " " + requirement.area());
		}
		assertThat(text).contains("テスト結果報告書", "【不合格】", "【合格】", "未達・課題");
		assertThat(FormRendererTests.pdfA2bFailures(pdf)).isEmpty();
	}

	private static Verdict verdict(List<Row> rows, String id) {
		return rows.stream().filter((r) -> r.requirement().id().equals(id)).findFirst().orElseThrow().verdict();
	}

	private static void suite(Path directory, String name, int tests, int failures, int errors, int skipped)
			throws Exception {
		Files.writeString(directory.resolve("TEST-" + name + ".xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<testsuite name="%s" time="1.5" tests="%d" errors="%d" skipped="%d" failures="%d" timestamp="2026-12-02T11:00:00">
						  <testcase name="a" classname="%s" time="0.1"/>
						</testsuite>
						"""
					.formatted(name, tests, errors, skipped, failures, name),
				StandardCharsets.UTF_8);
	}

	/** The simple names of every test class of the three modules. */
	private static Set<String> testClasses() throws Exception {
		Set<String> names = new HashSet<>();
		for (String module : List.of("server", "card", "card-agent")) {
			Path root = Path.of("..", module, "src", "test", "java");
			try (Stream<Path> files = Files.walk(root)) {
				files.map((f) -> f.getFileName().toString())
					.filter((n) -> n.matches(".*(Tests|IT)\\.java"))
					.forEach((n) -> names.add(n.substring(0, n.length() - ".java".length())));
			}
		}
		return names;
	}

}
