package jp.madoguchi.residentrecord.domain.transport;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How documents reach the resident-record system. Every method must be safe to repeat:
 * after a crash the same delivery is attempted again with the same document, and the
 * transport (with the receiving side) makes sure it counts once.
 */
public interface Transport {

	/** {@code file} or {@code http}: stored with each attempt. */
	String channel();

	/**
	 * Why no attempt should be made now (an open circuit breaker), or empty. Checked
	 * before deliveries are claimed, so waiting does not use up their attempts.
	 */
	Optional<String> notReady();

	Outcome deliver(DeliveryKey delivery, byte[] document);

	/**
	 * For a DELIVERED document: the receiving side's answer if there is one yet
	 * ({@link Outcome.Kind#ACKNOWLEDGED} or {@link Outcome.Kind#REJECTED}).
	 */
	Optional<Outcome> acknowledgement(DeliveryKey delivery);

	/**
	 * Whether a delivered document waits for an answer read by {@link #acknowledgement}
	 * (file mode), rather than being answered at once.
	 */
	boolean answersLater();

	/** The CSV variant's encoding when this transport carries CSV, else empty (JSON). */
	default Optional<Charset> csvCharset() {
		return Optional.empty();
	}

	/** Where documents go and what stops them now, for the admin page. */
	TransportStatus status();

	/**
	 * Before the worker starts: remove what a crashed writer left behind, if older than
	 * {@code olderThan}. Nothing by default.
	 */
	default void removeStaleTemporaryFiles(Duration olderThan) {
	}

	/**
	 * Before staff retry a refused delivery: clear the old refusal so a new answer can
	 * come.
	 */
	void prepareRetry(DeliveryKey delivery);

	/**
	 * After the notification was purged (retention, committed): remove whatever of it the
	 * transport still keeps on this side. Nothing by default: an HTTP delivery leaves no
	 * copy here.
	 */
	default void forget(UUID notificationId) {
	}

	/** What an attempt came to; {@code reason} is shown to staff, in Japanese. */
	record Outcome(Kind kind, @Nullable String reason) {

		public enum Kind {

			/** Handed over; an acknowledgement will follow (file mode). */
			DELIVERED,
			/** Received and acknowledged: the notification is SENT. */
			ACKNOWLEDGED,
			/** Not handed over; try again later. */
			RETRY,
			/** The receiving side refused it; retrying as it is will not help. */
			REJECTED,
			/** Not attempted at all (circuit breaker): the attempt does not count. */
			DEFERRED

		}

		public static Outcome delivered() {
			return new Outcome(Kind.DELIVERED, null);
		}

		public static Outcome acknowledged() {
			return new Outcome(Kind.ACKNOWLEDGED, null);
		}

		public static Outcome retry(String reason) {
			return new Outcome(Kind.RETRY, reason);
		}

		public static Outcome deferred(String reason) {
			return new Outcome(Kind.DEFERRED, reason);
		}

		public static Outcome rejected(String reason) {
			return new Outcome(Kind.REJECTED, reason);
		}

	}

}
