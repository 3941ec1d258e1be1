package jp.madoguchi.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMessagesTests {

	@Test
	void japaneseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		Properties japanese = load("i18n/audit.properties");
		Properties english = load("i18n/audit_en.properties");
		assertThat(japanese.stringPropertyNames()).isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		assertThat(japanese.stringPropertyNames()).allSatisfy((key) -> {
			assertThat(japanese.getProperty(key)).as(key).isNotBlank();
			assertThat(english.getProperty(key)).as(key).isNotBlank();
		});
		assertThat(japanese.getProperty("audit.title")).isEqualTo("監査ログ");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
