package jp.madoguchi.forms.render;

import jp.madoguchi.platform.TrainingMode;
import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.FontProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The print font, parsed once at start on a thread of its own (the context does not wait
 * for it; the first use does), and the renderer. A missing font file is logged as an
 * error naming the path and turns the health check DOWN: forms are a core part of the
 * counter, so monitoring must see it, but staff can still take notifications.
 */
@Configuration(proxyBeanMethods = false)
class FormRenderingConfiguration {

	@Bean(destroyMethod = "close")
	PrintFont printFont(FontProperties fonts, FontCoverage coverage) {
		return PrintFont.loadInBackground(fonts.mincho(), coverage);
	}

	@Bean
	FormRenderer formRenderer(PrintFont printFont, TrainingMode training) {
		// training mode: every page of every form stamped 研修
		return new FormRenderer(printFont, training.enabled() ? TrainingMode.MARK : null);
	}

	@Bean
	HealthIndicator formFontHealthIndicator(PrintFont printFont) {
		return () -> printFont.available() ? Health.up().withDetail("font", printFont.path().toString()).build()
				: Health.down().withDetail("font", String.valueOf(printFont.problem())).build();
	}

}
