package jp.madoguchi.forms.render;

import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.FontProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The print font, parsed once at start, and the renderer. A missing font file is logged
 * as an error naming the path and turns the health check DOWN: forms are a core part of
 * the counter, so monitoring must see it, but staff can still take notifications.
 */
@Configuration(proxyBeanMethods = false)
class FormRenderingConfiguration {

	@Bean(destroyMethod = "close")
	PrintFont printFont(FontProperties fonts, FontCoverage coverage) {
		return PrintFont.load(fonts.mincho(), coverage);
	}

	@Bean
	FormRenderer formRenderer(PrintFont printFont) {
		return new FormRenderer(printFont);
	}

	@Bean
	HealthIndicator formFontHealthIndicator(PrintFont printFont) {
		return () -> printFont.available() ? Health.up().withDetail("font", printFont.path().toString()).build()
				: Health.down().withDetail("font", String.valueOf(printFont.problem())).build();
	}

}
