package jp.madoguchi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds and writes problem details the same way everywhere, with the {@code code} member
 * and a {@code detail} from the message bundles: the message {@code problem.<CODE>} in
 * the caller's language (see {@link ProblemException}).
 */
public final class Problems {

	/** Message keys of problem details are {@code problem.<CODE>}. */
	public static final String KEY_PREFIX = "problem.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The application's message source once the web layer has started; before that (and
	 * in tests without Spring) every {@code i18n/*.properties} bundle on the class path.
	 */
	private static volatile @Nullable MessageSource messages;

	private Problems() {
	}

	/** A problem whose detail is already in the caller's language. */
	public static ProblemDetail of(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return problem;
	}

	/** The problem details of a refusal, its detail in the given language. */
	public static ProblemDetail of(ProblemException refused, MessageSource messages, Locale locale) {
		ProblemDetail problem = of(refused.status(), refused.code(), messages.getMessage(refused, locale));
		refused.properties().forEach(problem::setProperty);
		return problem;
	}

	/** The problem details of a refusal, its detail in the given language. */
	public static ProblemDetail of(ProblemException refused, Locale locale) {
		return of(refused, messages(), locale);
	}

	/**
	 * For filters and security handlers, which answer before Spring MVC does: the detail
	 * {@code problem.<CODE>} in the language the request asks for ({@link #locale}).
	 */
	public static ProblemDetail of(HttpServletRequest request, HttpStatus status, String code, Object... arguments) {
		return of(new ProblemException(status, code, arguments), messages(), locale(request));
	}

	/** The text for people of a refusal in the given language. */
	public static String detail(ProblemException refused, Locale locale) {
		return messages().getMessage(refused, locale);
	}

	/**
	 * The language of a program's request: English when its {@code Accept-Language}
	 * prefers English, otherwise Japanese (also without the header). Cookies and
	 * {@code ?lang=} are for pages only.
	 */
	public static Locale locale(HttpServletRequest request) {
		return (request.getHeader("Accept-Language") != null
				&& Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage())) ? Locale.ENGLISH
						: Locale.JAPANESE;
	}

	/** Called by the web layer with the application's message source. */
	public static void useMessages(MessageSource source) {
		messages = source;
	}

	static MessageSource messages() {
		MessageSource source = messages;
		if (source == null) {
			source = bundlesOnClassPath();
			messages = source;
		}
		return source;
	}

	private static MessageSource bundlesOnClassPath() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		try {
			for (Resource bundle : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:i18n/*.properties")) {
				String name = bundle.getFilename();
				if (name != null && !name.contains("_")) {
					source.addBasenames("i18n/" + name.substring(0, name.length() - ".properties".length()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return source;
	}

	/**
	 * Whether a request wants a machine answer (problem JSON) rather than an HTML page.
	 */
	public static boolean isApiRequest(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/public/api/") || path.startsWith("/actuator/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"))
				&& !accept.contains("text/html");
	}

	/** For filters and security handlers, which answer before Spring MVC does. */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// Flattened by hand: a plain mapper lacks Spring's mixin that lifts the
		// properties up.
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType() != null ? problem.getType() : "about:blank"));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		JSON.writeValue(response.getOutputStream(), body);
	}

}
