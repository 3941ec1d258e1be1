package jp.madoguchi.text.font;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.FontProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the print font's character map once, at start. A missing or unreadable font must
 * not stop the counter from starting (staff can still take notifications): the check then
 * reports every text as unchecked and a warning says why.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FontProperties.class)
class FontConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FontConfiguration.class);

	@Bean
	FontCoverage fontCoverage(FontProperties properties) {
		return load(properties.mincho());
	}

	static FontCoverage load(Path path) {
		long started = System.nanoTime();
		try {
			FontCharacterMap map = FontCharacterMap.read(path);
			long millis = (System.nanoTime() - started) / 1_000_000;
			log.info("Print font {}: {} code points, {} variation sequences ({} default), read in {} ms", path,
					map.codePointCount(), map.sequenceCount(), map.defaultSequenceCount(), millis);
			return new FontFileCoverage(path, map);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Print font {} cannot be read ({}); every font coverage check answers 'font unavailable'. "
					+ "Install fonts-ipamj-mincho or set madoguchi.fonts.mincho.", path, ex.toString());
			return new UnavailableFontCoverage(path);
		}
	}

}
