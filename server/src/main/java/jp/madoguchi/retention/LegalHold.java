package jp.madoguchi.retention;

import java.time.Instant;
import java.util.Map;

import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Whether a record is exempt from the retention purge (保存延長, legal hold), why, by whom,
 * since when. Shared by every module that keeps records with a hold (notifications,
 * receptions), so that the rule "a hold needs a reason" and its problem code are the same
 * everywhere. Each module stores it in its own {@code legal_hold*} columns
 * ({@link LegalHoldColumns}) and audits {@link #auditAction()}.
 */
public record LegalHold(boolean held, @Nullable String reason, @Nullable String by, @Nullable Instant at) {

	public static final LegalHold NONE = new LegalHold(false, null, null, null);

	/**
	 * The hold an actor asks for: a hold with its reason stripped, or none on release.
	 * @throws ProblemException 422 {@code LEGAL_HOLD_REASON_REQUIRED} for a hold without
	 * a reason
	 */
	public static LegalHold requested(boolean held, @Nullable String reason, String by, Instant at) {
		if (!held) {
			return NONE;
		}
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "LEGAL_HOLD_REASON_REQUIRED",
					Map.of("field", "reason"));
		}
		if (why.length() > 500) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "LEGAL_HOLD_REASON_TOO_LONG",
					Map.of("field", "reason"), "500");
		}
		return new LegalHold(true, why, by, at);
	}

	/**
	 * The body of {@code PUT .../legal-hold}: {@code {"held":true,"reason":"審査請求中"}} or
	 * {@code {"held":false}}.
	 */
	public record Request(boolean held, @Nullable String reason) {
	}

	/**
	 * The audit action of setting this hold: {@code LEGAL_HOLD_SET} or {@code _RELEASED}.
	 */
	public String auditAction() {
		return held ? "LEGAL_HOLD_SET" : "LEGAL_HOLD_RELEASED";
	}

}
