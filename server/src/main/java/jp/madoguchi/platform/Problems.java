package jp.madoguchi.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds and writes problem details the same way everywhere, with the {@code code}
 * member.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return problem;
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
