package jp.madoguchi.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.Problems;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The screen language: Japanese unless the browser asks for English, and a {@code ?lang=}
 * switch in the header that is remembered in a cookie. Only the languages that have
 * message bundles are ever chosen, so that {@code <html lang>} always tells the truth:
 * Japanese, English, the resident languages ({@link #RESIDENT_LANGUAGES}) and やさしい日本語
 * (plain Japanese for residents, {@code ?lang=easy}: Japanese with the variant
 * {@code easy}, bundles {@code i18n/<module>_ja__easy.properties} that fall back to
 * Japanese for what they do not translate).
 * <p>
 * Programs ({@link Problems#isApiRequest API requests}) get the language of their
 * {@code Accept-Language} header only, Japanese without it: a cookie or {@code ?lang=}
 * from a browser session never changes what an API answers.
 */
@Configuration(proxyBeanMethods = false)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class LocaleConfiguration implements WebMvcConfigurer {

	static final String PARAMETER = "lang";

	static final String COOKIE = "MADOGUCHI_LANG";

	/** やさしい日本語: {@code <html lang>} stays {@code ja}. */
	static final Locale EASY_JAPANESE = new Locale("ja", "", "easy");

	/**
	 * The languages of the resident-facing pages beyond Japanese and English (the public
	 * wizard, the kiosk, the call display): 中文（简体）, 한국어, Tiếng Việt and Português (as
	 * spoken in Brazil). Their bundles ({@code i18n/<module>_zh.properties} …) exist for
	 * the resident-facing modules only; a staff page asked in one of them falls back to
	 * Japanese.
	 */
	static final List<Locale> RESIDENT_LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.KOREAN,
			Locale.forLanguageTag("vi"), Locale.forLanguageTag("pt-BR"));

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {

			@Override
			public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
					@Nullable Locale locale) {
				if (!Problems.isApiRequest(request)) {
					super.setLocale(request, response, (locale != null) ? supported(locale) : null);
				}
			}

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return Problems.isApiRequest(request) ? Problems.locale(request) : super.resolveLocale(request);
			}

			@Override
			public LocaleContext resolveLocaleContext(HttpServletRequest request) {
				if (Problems.isApiRequest(request)) {
					Locale locale = Problems.locale(request);
					return () -> locale;
				}
				return super.resolveLocaleContext(request);
			}

		};
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static Locale fromBrowser(HttpServletRequest request) {
		return (request.getHeader("Accept-Language") != null) ? supported(request.getLocale()) : Locale.JAPANESE;
	}

	static Locale supported(Locale locale) {
		if ("easy".equals(locale.getLanguage()) || "easy".equalsIgnoreCase(locale.getVariant())) {
			return EASY_JAPANESE;
		}
		for (Locale resident : RESIDENT_LANGUAGES) {
			if (resident.getLanguage().equals(locale.getLanguage())) {
				return resident;
			}
		}
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
	}

}
