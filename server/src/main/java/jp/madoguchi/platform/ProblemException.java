package jp.madoguchi.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the caller can act on: an HTTP status, a stable machine-readable code,
 * the arguments of its message and further properties. Answered as RFC 9457 problem
 * details to API callers.
 * <p>
 * It carries no text for people: the {@code detail} is the message {@code problem.<CODE>}
 * of the module's bundle ({@code i18n/<module>.properties} and {@code _en}), formatted
 * with the arguments in the caller's language when the problem is answered. Where one
 * code is refused for several reasons that people should read apart,
 * {@link #because(String)} names the reason and the message
 * {@code problem.<CODE>.<reason>} is used (falling back to {@code problem.<CODE>}).
 * Arguments may themselves be {@link MessageSourceResolvable}s (a status name, a field
 * label), resolved in the same language.
 * <p>
 * {@link #getMessage()} is for logs: the code and the arguments.
 * {@link #getLocalizedMessage()} is the text for people in the current request's
 * language, for pages that show a refusal.
 */
public class ProblemException extends RuntimeException implements MessageSourceResolvable {

	private final HttpStatus status;

	private final String code;

	private final Object[] arguments;

	private final Map<String, Object> properties;

	private @Nullable String reason;

	public ProblemException(HttpStatus status, String code, Object... arguments) {
		this(status, code, Map.of(), arguments);
	}

	public ProblemException(HttpStatus status, String code, Map<String, ?> properties, Object... arguments) {
		super(code);
		this.status = status;
		this.code = code;
		this.arguments = arguments.clone();
		this.properties = Map.copyOf(properties);
	}

	public static ProblemException notFound(String code, Object... arguments) {
		return new ProblemException(HttpStatus.NOT_FOUND, code, arguments);
	}

	public static ProblemException conflict(String code, Object... arguments) {
		return new ProblemException(HttpStatus.CONFLICT, code, arguments);
	}

	public static ProblemException invalid(String code, Object... arguments) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, arguments);
	}

	/**
	 * Names why the code applies, for a more precise message
	 * {@code problem.<CODE>.<reason>}; the code stays what programs rely on.
	 */
	public ProblemException because(String reason) {
		this.reason = reason;
		return this;
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public @Nullable String reason() {
		return reason;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public Map<String, Object> properties() {
		return properties;
	}

	/** The message keys to try, most precise first. */
	@Override
	public String[] getCodes() {
		String key = Problems.KEY_PREFIX + code;
		return (reason != null) ? new String[] { key + "." + reason, key } : new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	/** Only when a bundle lacks the key: the log form, never Japanese from Java. */
	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	/** For logs: the code, the reason and the arguments. */
	@Override
	public String getMessage() {
		return code + ((reason != null) ? "." + reason : "")
				+ ((arguments.length > 0) ? " " + Arrays.deepToString(arguments) : "");
	}

	/** The detail for people, in the language of the current request (or Japanese). */
	@Override
	public String getLocalizedMessage() {
		return Problems.detail(this,
				(LocaleContextHolder.getLocaleContext() != null) ? LocaleContextHolder.getLocale() : Locale.JAPANESE);
	}

	@Override
	public String toString() {
		return getClass().getName() + ": " + getMessage();
	}

}
