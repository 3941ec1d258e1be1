package jp.madoguchi.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Problems;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into RFC 9457 problem details with a stable
 * {@code code} and a {@code detail} from the bundles in the caller's language; never a
 * stack trace. Page requests fall through to the error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
		Problems.useMessages(messages);
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		return ResponseEntity.status(ex.status()).body(detailsOf(ex));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(detailsOf(ProblemException.conflict("STALE_VERSION")));
	}

	@ExceptionHandler({ ConstraintViolationException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> invalidParameter(Exception ex) {
		return ResponseEntity.unprocessableContent().body(detailsOf(invalidParameter()));
	}

	/**
	 * Security decides 401/403 itself, with auditing; everything else unexpected is a
	 * 500.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return ResponseEntity.internalServerError()
			.body(detailsOf(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR")));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.unprocessableContent().body(validationProblem(ex.getBindingResult()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.unprocessableContent().body(detailsOf(invalidParameter()));
	}

	/**
	 * Unreadable bodies are 422 like any invalid input: a value of the wrong type (an
	 * unknown enum constant, an impossible date) names its field; broken JSON names none.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		if (field.isEmpty()) {
			return ResponseEntity.unprocessableContent().body(detailsOf(ProblemException.invalid("MALFORMED_REQUEST")));
		}
		ProblemDetail problem = detailsOf(ProblemException.invalid("VALIDATION_FAILED", field).because("invalidValue"));
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message("problem.invalidValue"))));
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/** The JSON path of the value Jackson could not read, e.g. {@code persons[0].sex}. */
	private static String fieldOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference reference : databind.getPath()) {
					if (reference.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						path.append('[').append(reference.getIndex()).append(']');
					}
				}
				return path.toString();
			}
		}
		return "";
	}

	/** Spring's own exceptions (404, 405, 415 …) get a code derived from their status. */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			problem.setProperty("code", status != null ? status.name() : "ERROR");
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail validationProblem(BindingResult result) {
		ProblemDetail problem = detailsOf(ProblemException.invalid("VALIDATION_FAILED"));
		List<Map<String, String>> errors = result.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message",
					messages.getMessage(error, LocaleContextHolder.getLocale())))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemException invalidParameter() {
		return ProblemException.invalid("VALIDATION_FAILED").because("invalidParameter");
	}

	private ProblemDetail detailsOf(ProblemException refused) {
		return Problems.of(refused, messages, LocaleContextHolder.getLocale());
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
