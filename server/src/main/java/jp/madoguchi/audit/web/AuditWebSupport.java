package jp.madoguchi.audit.web;

import java.util.List;
import java.util.Map;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditQuery;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.AuditVerification;
import jp.madoguchi.audit.domain.AuditService;
import jp.madoguchi.platform.logging.LogFiles;
import jp.madoguchi.platform.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the audit API and the audit pages share: parsing the filters, reading the chain
 * and recording that someone read it. Reading the audit trail is itself audited.
 */
@Component
class AuditWebSupport {

	static final String VALIDATION_FAILED = "VALIDATION_FAILED";

	static final String SEARCHED = "AUDIT_SEARCHED";

	private static final org.slf4j.Logger exportLog = org.slf4j.LoggerFactory.getLogger(LogFiles.AUDIT_EXPORT_LOGGER);

	static final String EXPORTED = "AUDIT_EXPORTED";

	static final String VERIFIED = "AUDIT_VERIFIED";

	private final AuditService audit;

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditWebSupport(AuditService audit, AuditTrail trail, MessageSource messages) {
		this.audit = audit;
		this.trail = trail;
		this.messages = messages;
	}

	AuditService audit() {
		return audit;
	}

	/**
	 * The query, or a 422 {@code VALIDATION_FAILED} problem with one {@code errors}
	 * member per bad parameter.
	 */
	AuditQuery query(SearchParameters parameters) {
		SearchParameters.Parsed parsed = parameters.parse();
		if (parsed.query() == null) {
			List<Map<String, String>> errors = parsed.problems()
				.stream()
				.map((problem) -> Map.of("field", problem.field(), "message", message(problem.messageCode())))
				.toList();
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, VALIDATION_FAILED, Map.of("errors", errors))
				.because("auditSearch");
		}
		return parsed.query();
	}

	List<EventResponse> search(SearchParameters parameters, AuditQuery query) {
		List<EventResponse> found = audit.search(query).stream().map(EventResponse::of).toList();
		trail.record(AuditEntry.success(SEARCHED, null, describe(parameters, found.size())));
		return found;
	}

	VerificationResponse verify() {
		AuditVerification result = audit.verify();
		VerificationResponse response;
		if (result.valid()) {
			response = new VerificationResponse(true, result.checked(), null, null, null);
			trail.record(AuditEntry.success(VERIFIED, null, "valid=true checked=" + result.checked()));
		}
		else {
			String code = String.valueOf(result.breakKind());
			response = new VerificationResponse(false, result.checked(), result.firstBrokenEventId(), code,
					message("audit.verify.reason." + code, String.valueOf(result.firstBrokenEventId())));
			trail.record(new AuditEntry(VERIFIED, "audit-event:" + result.firstBrokenEventId(), AuditOutcome.FAILURE,
					"valid=false checked=" + result.checked() + " reason=" + code, null));
		}
		return response;
	}

	void recordExport(SearchParameters parameters, long rows, boolean completed) {
		String detail = describe(parameters, rows);
		exportLog.info("audit events exported as CSV: {}{}", detail, completed ? "" : " (interrupted)");
		trail.record(completed ? AuditEntry.success(EXPORTED, null, detail)
				: AuditEntry.failure(EXPORTED, null, detail + " (interrupted)"));
	}

	String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	private static String describe(SearchParameters parameters, long rows) {
		String filters = parameters.describe();
		return (filters.isEmpty() ? "" : filters + " ") + "rows=" + rows;
	}

}
