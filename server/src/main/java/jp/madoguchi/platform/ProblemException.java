package jp.madoguchi.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the caller can act on: an HTTP status, a stable machine-readable code
 * and a Japanese message for people. Answered as RFC 9457 problem details to API callers.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties;

	public ProblemException(HttpStatus status, String code, String message) {
		this(status, code, message, Map.of());
	}

	public ProblemException(HttpStatus status, String code, String message, Map<String, Object> properties) {
		super(message);
		this.status = status;
		this.code = code;
		this.properties = Map.copyOf(properties);
	}

	public static ProblemException notFound(String code, String message) {
		return new ProblemException(HttpStatus.NOT_FOUND, code, message);
	}

	public static ProblemException conflict(String code, String message) {
		return new ProblemException(HttpStatus.CONFLICT, code, message);
	}

	public static ProblemException invalid(String code, String message) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
