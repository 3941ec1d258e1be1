package jp.madoguchi.queuestatus.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One ticket as its phone page shows it: waiting (with how many are ahead and the
 * estimate), called (to which counter), or not in line (done, or not issued yet).
 *
 * @param statusAt when the counter side published what this is made of
 * @param current false when that status is older than the allowed age (the link is down)
 */
public record TicketProgress(int ticketNumber, State state, @Nullable String queue, @Nullable String queueName,
		@Nullable String queueNameEn, int ahead, int estimatedWaitMinutes, @Nullable String counter,
		@Nullable String counterName, @Nullable String counterNameEn, @Nullable Instant statusAt, boolean current) {

	public enum State {

		WAITING, CALLED, NOT_IN_LINE, UNKNOWN

	}

	static TicketProgress unknown(int ticketNumber) {
		return new TicketProgress(ticketNumber, State.UNKNOWN, null, null, null, 0, 0, null, null, null, null, false);
	}

}
