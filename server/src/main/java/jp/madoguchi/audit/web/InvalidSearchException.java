package jp.madoguchi.audit.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Bad search parameters: answered as a 422 problem detail with {@code code}
 * {@code VALIDATION_FAILED} and one {@code errors} member per field. Being an
 * {@link ErrorResponseException}, it renders as problem details through Spring MVC's own
 * handling, whatever advice the platform adds.
 */
class InvalidSearchException extends ErrorResponseException {

	static final String CODE = "VALIDATION_FAILED";

	InvalidSearchException(String title, String detail, List<Map<String, String>> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(title, detail, errors), null);
	}

	private static ProblemDetail problem(String title, String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.setTitle(title);
		problem.setProperty("code", CODE);
		problem.setProperty("errors", errors);
		return problem;
	}

}
