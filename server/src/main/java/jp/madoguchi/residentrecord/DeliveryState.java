package jp.madoguchi.residentrecord;

/**
 * Where the delivery of one accepted notification stands.
 *
 * <pre>
 * PENDING ──▶ DELIVERED ──(.ack)──▶ SENT
 *    │  ▲          └──(.err)──▶ ERROR ──(retry)──▶ PENDING
 *    ▼  │
 * FAILED_RETRYING ──(last attempt)──▶ DEAD ──(retry)──▶ PENDING
 * </pre>
 *
 * HTTP deliveries go straight from PENDING to SENT: the 2xx answer is the
 * acknowledgement.
 */
public enum DeliveryState {

	/** Waiting for its first attempt. */
	PENDING,
	/** Written to the outbox (file mode); waiting for {@code .ack} or {@code .err}. */
	DELIVERED,
	/** Acknowledged by the resident-record system; the notification is SENT. */
	SENT,
	/** An attempt failed (folder missing, disk full, endpoint down); retried later. */
	FAILED_RETRYING,
	/** Every attempt failed: waits in the dead-letter list for someone to retry it. */
	DEAD,
	/** The resident-record system refused the document ({@code .err}, HTTP 4xx). */
	ERROR;

	/** States from which staff can ask for another attempt. */
	public boolean retryable() {
		return this == FAILED_RETRYING || this == DEAD || this == ERROR;
	}

}
