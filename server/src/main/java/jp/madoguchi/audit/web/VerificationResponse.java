package jp.madoguchi.audit.web;

import jp.madoguchi.audit.AuditVerification;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"valid": true, "checked": N}}, or with {@code firstBrokenEventId}, a
 * machine-readable {@code reasonCode} and a human {@code reason} when the chain is
 * broken.
 */
record VerificationResponse(boolean valid, long checked, @Nullable Long firstBrokenEventId, @Nullable String reasonCode,
		@Nullable String reason) {

}
