package jp.madoguchi.audit.web;

import java.io.StringWriter;
import java.time.Instant;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void writesBomHeaderAndCrlfRows() {
		StringWriter out = new StringWriter();
		AuditCsv csv = new AuditCsv(out);
		csv.header();
		csv.row(new AuditEvent(7, Instant.parse("2026-11-25T00:30:00.5Z"), "tanaka", "T-01", "192.0.2.1", "LOGIN",
				"user:tanaka", AuditOutcome.DENIED, "a, \"b\"\nc", "0".repeat(64), "a".repeat(64)));
		assertThat(out.toString()).isEqualTo("\uFEFFID,日時,利用者,端末,IPアドレス,操作,対象,結果,詳細,ハッシュ\r\n"
				+ "7,2026-11-25 09:30:00,tanaka,T-01,192.0.2.1,LOGIN,user:tanaka,拒否,\"a, \"\"b\"\"\nc\","
				+ "a".repeat(64) + "\r\n");
	}

	@Test
	void neutralisesFormulas() {
		assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
		assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
		assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
		assertThat(AuditCsv.cell("tanaka")).isEqualTo("tanaka");
		assertThat(AuditCsv.cell(null)).isEmpty();
	}

}
