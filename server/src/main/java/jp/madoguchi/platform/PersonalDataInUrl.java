package jp.madoguchi.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * Searches by name, date of birth or address are sent in a POST body, never in a query
 * string: URLs end up in proxy and server logs, browser history and {@code Referer}
 * headers. A GET search still offers its other filters (dates, status); given a
 * personal-data parameter it refuses with 400 {@code PERSONAL_DATA_IN_URL}, naming the
 * POST search to use, and searches nothing (a filter silently dropped would answer
 * everyone's records).
 */
public final class PersonalDataInUrl {

	public static final String CODE = "PERSONAL_DATA_IN_URL";

	private PersonalDataInUrl() {
	}

	/**
	 * @param request the GET request
	 * @param postSearch the path of the POST search that takes these fields
	 * @param parameters the personal-data parameters that must not be in the URL
	 * @throws ProblemException 400 {@code PERSONAL_DATA_IN_URL} if one of them is given
	 */
	public static void refuse(HttpServletRequest request, String postSearch, String... parameters) {
		for (String parameter : parameters) {
			if (request.getParameter(parameter) != null) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, CODE,
						Map.of("parameter", parameter, "search", "POST " + postSearch), postSearch);
			}
		}
	}

}
