package jp.madoguchi.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search filters as typed into the form or the query string, all optional. Dates are
 * ISO dates (whole days in Asia/Tokyo, both ends inclusive) or ISO date-times (with an
 * offset, or else in Asia/Tokyo).
 */
public record SearchParameters(@Nullable String user, @Nullable String subject, @Nullable String action,
		@Nullable String outcome, @Nullable String from, @Nullable String to, @Nullable String limit) {

	/** The time zone of the city office: dates without a time are days there. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	public static SearchParameters none() {
		return new SearchParameters(null, null, null, null, null, null, null);
	}

	/** The query, or the problems with the parameters as field and message code. */
	Parsed parse() {
		List<FieldProblem> problems = new ArrayList<>();
		String action = blankToNull(this.action);
		AuditOutcome outcome = null;
		String outcomeText = blankToNull(this.outcome);
		if (outcomeText != null) {
			try {
				outcome = AuditOutcome.valueOf(outcomeText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("outcome", "audit.error.outcome"));
			}
		}
		Instant from = instant("from", this.from, false, problems);
		Instant to = instant("to", this.to, true, problems);
		if (from != null && to != null && from.isAfter(to)) {
			problems.add(new FieldProblem("to", "audit.error.range"));
		}
		int limit = AuditQuery.DEFAULT_LIMIT;
		String limitText = blankToNull(this.limit);
		if (limitText != null) {
			try {
				limit = Integer.parseInt(limitText);
			}
			catch (NumberFormatException ex) {
				limit = -1;
			}
			if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
				problems.add(new FieldProblem("limit", "audit.error.limit"));
			}
		}
		if (!problems.isEmpty()) {
			return new Parsed(null, problems);
		}
		return new Parsed(
				new AuditQuery(blankToNull(user), blankToNull(subject),
						(action != null) ? action.toUpperCase(Locale.ROOT) : null, outcome, from, to, limit),
				List.of());
	}

	/** The filters that were given, for the audit event that records the search. */
	String describe() {
		StringJoiner description = new StringJoiner(" ");
		given().forEach((name, value) -> description.add(name + "=" + value));
		return description.toString();
	}

	/** The same filters as a query string on {@code path}, e.g. for the CSV export. */
	String link(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		given().forEach((name, value) -> {
			if (!"limit".equals(name)) {
				uri.queryParam(name, value);
			}
		});
		return uri.encode().build().toUriString();
	}

	private Map<String, String> given() {
		Map<String, String> given = new LinkedHashMap<>();
		put(given, "user", user);
		put(given, "subject", subject);
		put(given, "action", action);
		put(given, "outcome", outcome);
		put(given, "from", from);
		put(given, "to", to);
		put(given, "limit", limit);
		return given;
	}

	private static void put(Map<String, String> given, String name, @Nullable String value) {
		String text = blankToNull(value);
		if (text != null) {
			given.put(name, text);
		}
	}

	private static @Nullable Instant instant(String field, @Nullable String value, boolean endOfDay,
			List<FieldProblem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate date = LocalDate.parse(text);
				return endOfDay ? date.plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1000)
						: date.atStartOfDay(ZONE).toInstant();
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return LocalDateTime.parse(text).atZone(ZONE).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "audit.error.date"));
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	record FieldProblem(String field, String messageCode) {

	}

	record Parsed(@Nullable AuditQuery query, List<FieldProblem> problems) {

	}

}
