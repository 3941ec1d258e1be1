package jp.madoguchi.audit.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

	@Test
	void keepsValidTextCodePointForCodePoint() {
		String ivs = "辻\uDB40\uDD00 𠮷野家";
		assertThat(AuditService.storable(ivs)).isSameAs(ivs);
		assertThat(AuditService.storable(null)).isNull();
		assertThat(AuditService.storable("")).isEmpty();
	}

	@Test
	void replacesWhatPostgresqlCannotStore() {
		assertThat(AuditService.storable("a\u0000b")).isEqualTo("a\uFFFDb");
		assertThat(AuditService.storable("x\uD800")).isEqualTo("x\uFFFD");
		assertThat(AuditService.storable("\uDC00y")).isEqualTo("\uFFFDy");
		assertThat(AuditService.storable("\uD800\uD800\uDC00")).isEqualTo("\uFFFD\uD800\uDC00");
		assertThat(AuditService.storable("𠮷\u0000")).isEqualTo("𠮷\uFFFD");
	}

}
