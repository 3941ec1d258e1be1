package jp.madoguchi.address.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTests {

	@Test
	void readsPlainAndQuotedFields() throws IOException {
		assertThat(read("a,b,c\n1,\"2\",3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
	}

	@Test
	void keepsCommasQuotesAndLineBreaksInsideQuotes() throws IOException {
		List<List<String>> records = read("\"釧路市,北海道\",\"He said \"\"はい\"\"\",\"two\r\nlines\"\nnext,row\n");
		assertThat(records).containsExactly(List.of("釧路市,北海道", "He said \"はい\"", "two\nlines"), List.of("next", "row"));
	}

	@Test
	void acceptsCrlfLfAndCrLineEnds() throws IOException {
		assertThat(read("a,b\r\nc,d\re,f\ng,h")).containsExactly(List.of("a", "b"), List.of("c", "d"),
				List.of("e", "f"), List.of("g", "h"));
	}

	@Test
	void skipsAByteOrderMarkAndEmptyLines() throws IOException {
		byte[] bom = "\uFEFFlg_code,pref\r\n\r\n012068,北海道\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		List<List<String>> records = new ArrayList<>();
		try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bom))) {
			for (List<String> r = reader.next(); r != null; r = reader.next()) {
				records.add(r);
			}
		}
		assertThat(records).containsExactly(List.of("lg_code", "pref"), List.of("012068", "北海道"));
	}

	@Test
	void keepsEmptyFieldsAndAQuoteInsideAnUnquotedField() throws IOException {
		assertThat(read(",a,,\"\",b\"c\n")).containsExactly(List.of("", "a", "", "", "b\"c"));
	}

	@Test
	void countsLinesOfRecordsThatSpanLines() throws IOException {
		try (CsvReader reader = CsvReader.of(new StringReader("a\n\"b\nb\",x\r\n\nc\n"))) {
			reader.next();
			assertThat(reader.lineNumber()).isEqualTo(1);
			assertThat(reader.next()).containsExactly("b\nb", "x");
			assertThat(reader.lineNumber()).isEqualTo(2);
			assertThat(reader.next()).containsExactly("c");
			assertThat(reader.lineNumber()).isEqualTo(5);
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void refusesAQuoteLeftOpen() {
		assertThatThrownBy(() -> read("a,b\nc,\"d\ne,f\n")).isInstanceOf(CsvReader.CsvException.class)
			.hasMessageStartingWith("2行目:")
			.hasMessageContaining("閉じられていません");
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertThatThrownBy(() -> read("a\n\"b\"c,d\n")).isInstanceOf(CsvReader.CsvException.class)
			.hasMessageStartingWith("2行目:");
	}

	@Test
	void refusesAFieldLongerThanTheLimit() {
		String huge = "\"" + "あ".repeat(CsvReader.MAX_FIELD_LENGTH + 1) + "\"\n";
		assertThatThrownBy(() -> read("ok\n" + huge)).isInstanceOf(CsvReader.CsvException.class)
			.hasMessageStartingWith("2行目:");
	}

	@Test
	void refusesBytesThatAreNotUtf8AndNamesTheLine() {
		byte[] shiftJis = "01206,\"085  \",\"0850000\"\n01206,\"釧路市\"\n".getBytes(Charset.forName("Shift_JIS"));
		assertThatThrownBy(() -> {
			try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(shiftJis))) {
				while (reader.next() != null) {
					// read to the end
				}
			}
		}).isInstanceOf(CsvReader.CsvException.class).hasMessageStartingWith("2行目:").hasMessageContaining("UTF-8");
	}

	private static List<List<String>> read(String text) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (CsvReader reader = CsvReader.of(new StringReader(text))) {
			for (List<String> r = reader.next(); r != null; r = reader.next()) {
				records.add(r);
			}
		}
		return records;
	}

}
