package jp.madoguchi.moving.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationAccepted;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The moving-notification aggregate: its content can change only while a draft,
 * acceptance is refused while an ERROR finding remains, and every state change is a
 * guarded method.
 */
public final class Notification {

	private final UUID id;

	private final int version;

	private NotificationStatus status;

	private NotificationContent content;

	private List<Finding> findings;

	private final Instant createdAt;

	private final String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private @Nullable Instant acceptedAt;

	private @Nullable String acceptedBy;

	public Notification(UUID id, int version, NotificationStatus status, NotificationContent content,
			List<Finding> findings, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
			@Nullable Instant acceptedAt, @Nullable String acceptedBy) {
		this.id = id;
		this.version = version;
		this.status = status;
		this.content = content;
		this.findings = List.copyOf(findings);
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.updatedAt = updatedAt;
		this.updatedBy = updatedBy;
		this.acceptedAt = acceptedAt;
		this.acceptedBy = acceptedBy;
	}

	public static Notification draft(NotificationContent content, List<Finding> findings, String by, Instant now) {
		return new Notification(UUID.randomUUID(), 0, NotificationStatus.DRAFT, content, findings, now, by, now, by,
				null, null);
	}

	public void revise(NotificationContent revised, List<Finding> newFindings, String by, Instant now) {
		requireDraft();
		this.content = revised;
		this.findings = List.copyOf(newFindings);
		this.updatedAt = now;
		this.updatedBy = by;
	}

	/**
	 * 受理.
	 * @param kind the notification kind the master has for it (a draft always has one)
	 */
	public NotificationAccepted accept(String by, Instant now, @Nullable NotificationKind kind) {
		requireDraft();
		Objects.requireNonNull(kind, "a draft is accepted with its notification kind");
		if (findings.stream().anyMatch(Finding::isError)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "NOTIFICATION_HAS_ERRORS",
					Map.of("findings", findings.stream().filter(Finding::isError).toList()));
		}
		this.status = NotificationStatus.ACCEPTED;
		this.acceptedAt = now;
		this.acceptedBy = by;
		this.updatedAt = now;
		this.updatedBy = by;
		return new NotificationAccepted(id, content.type(), content.filedOn(), by, now, kind);
	}

	public void cancel(String by, Instant now) {
		requireDraft();
		this.status = NotificationStatus.CANCELLED;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	public void markSent(Instant now) {
		if (status != NotificationStatus.ACCEPTED) {
			throw ProblemException.conflict("NOT_ACCEPTED");
		}
		this.status = NotificationStatus.SENT;
		this.updatedAt = now;
		this.updatedBy = "resident-record";
	}

	private void requireDraft() {
		if (status != NotificationStatus.DRAFT) {
			throw ProblemException.conflict("NOTIFICATION_NOT_EDITABLE").because(status.name());
		}
	}

	public UUID id() {
		return id;
	}

	public int version() {
		return version;
	}

	public NotificationStatus status() {
		return status;
	}

	public NotificationContent content() {
		return content;
	}

	public List<Finding> findings() {
		return findings;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public @Nullable Instant acceptedAt() {
		return acceptedAt;
	}

	public @Nullable String acceptedBy() {
		return acceptedBy;
	}

}
