package jp.madoguchi.platform.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.Problems;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;

import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever ends at {@code /error}: an error page for people, problem details for
 * programs. Neither ever shows an exception or a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
@ServedBy({ Role.COUNTER, Role.PUBLIC })
// Whoever was refused or failed must still be told why, signed in or not.
@PreAuthorize("permitAll()")
class ErrorPagesController extends AbstractErrorController {

	static final String VIEW_FALLBACK = "error";

	private final MessageSource messages;

	ErrorPagesController(ErrorAttributes errorAttributes, List<ErrorViewResolver> resolvers, MessageSource messages) {
		super(errorAttributes, resolvers);
		this.messages = messages;
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = getStatus(request);
		Map<String, Object> model = Map.of("status", status.value(), "timestamp",
				OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).withNano(0));
		response.setStatus(status.value());
		ModelAndView view = resolveErrorView(request, response, status, model);
		return (view != null) ? view : new ModelAndView(VIEW_FALLBACK, model, status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		String code = switch (status) {
			case UNAUTHORIZED -> "UNAUTHENTICATED";
			case FORBIDDEN -> "FORBIDDEN";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : status.name();
		};
		// problem.<CODE>; statuses without their own message read as an invalid parameter
		String detail = messages.getMessage(
				new DefaultMessageSourceResolvable(new String[] { Problems.KEY_PREFIX + code,
						Problems.KEY_PREFIX + "VALIDATION_FAILED.invalidParameter" }, (Object[]) null),
				Problems.locale(request));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, code, detail));
	}

}
