package jp.madoguchi.audit.web;

import java.time.OffsetDateTime;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/** An audit event as the API and the search page show it: times in Asia/Tokyo. */
record EventResponse(long id, OffsetDateTime occurredAt, @Nullable String actor, @Nullable String terminal,
		@Nullable String ip, String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail,
		String prevHash, String hash) {

	static EventResponse of(AuditEvent event) {
		return new EventResponse(event.id(), event.occurredAt().atZone(SearchParameters.ZONE).toOffsetDateTime(),
				event.actor(), event.terminal(), event.ip(), event.action(), event.subject(), event.outcome(),
				event.detail(), event.prevHash(), event.hash());
	}

}
