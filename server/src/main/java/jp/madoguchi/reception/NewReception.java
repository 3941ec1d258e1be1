package jp.madoguchi.reception;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A command to open a reception and issue its ticket.
 *
 * @param queue the queue the ticket is taken for
 * @param notificationId the moving notification the visit is about, if any; its names
 * make the reception findable by name and its procedures decide the routing
 * @param name the resident's name as staff typed it or a card gave it (exact Unicode),
 * used when there is no notification
 * @param priority why the resident is called first, or null
 * @param source where the data came from
 * @param queuedFrom when the resident's turn counts from, if earlier than now: a booked
 * visit waits as if it had come at its slot's start, so it is called before walk-ins who
 * came later (null or later than now: now)
 */
public record NewReception(String queue, @Nullable UUID notificationId, @Nullable String name,
		@Nullable Priority priority, ReceptionSource source, @Nullable Instant queuedFrom) {

	public NewReception(String queue, @Nullable UUID notificationId, @Nullable String name, @Nullable Priority priority,
			ReceptionSource source) {
		this(queue, notificationId, name, priority, source, null);
	}

	public static NewReception of(String queue) {
		return new NewReception(queue, null, null, null, ReceptionSource.SCRATCH);
	}

}
