package jp.madoguchi.platform;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The master files' CSV: quotes, line breaks, the header, and the line of every refusal.
 */
class CsvTableTests {

	private static final List<String> HEADER = List.of("日付", "名称");

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsPhysicalLines() {
		String file = "\uFEFF日付 , 名称\r\n2026-12-29,\"年末, \"\"年始\"\"\"\r\n\r\n2026-12-30,\"二行\nの名称\"\r\n2026-12-31,大晦日";
		List<CsvTable.Row> rows = CsvTable.read(file.getBytes(StandardCharsets.UTF_8), HEADER);
		assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2L, 4L, 6L);
		assertThat(rows.get(0).get(1)).isEqualTo("年末, \"年始\"");
		assertThat(rows.get(1).get(1)).isEqualTo("二行\nの名称");
		assertThat(rows.get(2).get(1)).isEqualTo("大晦日");
	}

	@Test
	void refusesWithTheLineAWrongHeaderAWrongWidthAndABrokenQuote() {
		assertLine("日,名称\n2026-12-29,x\n", 1);
		assertLine("日付,名称\n2026-12-29,x\n2026-12-30\n", 3);
		assertLine("日付,名称\n2026-12-29,x\n2026-12-30,\"開いたまま\n", 3);
		assertLine("日付,名称\n2026-12-29,ab\"c\n", 2);
	}

	@Test
	void refusesAnEmptyFileAndOneNotInUtf8() {
		assertThatThrownBy(() -> CsvTable.read(new byte[0], HEADER)).isInstanceOfSatisfying(ProblemException.class,
				problem -> assertThat(problem.getCodes()).contains("problem.CSV_INVALID.empty"));
		byte[] shiftJis = "日付,名称\n2026-12-29,年末\n".getBytes(Charset.forName("Shift_JIS"));
		assertThatThrownBy(() -> CsvTable.read(shiftJis, HEADER)).isInstanceOfSatisfying(ProblemException.class,
				problem -> assertThat(problem.getCodes()).contains("problem.CSV_INVALID.encoding"));
	}

	private static void assertLine(String file, long line) {
		assertThatThrownBy(() -> CsvTable.read(file.getBytes(StandardCharsets.UTF_8), HEADER))
			.isInstanceOfSatisfying(ProblemException.class, problem -> {
				assertThat(problem.code()).isEqualTo("CSV_INVALID");
				assertThat(problem.properties()).containsEntry("line", line);
			});
	}

}
