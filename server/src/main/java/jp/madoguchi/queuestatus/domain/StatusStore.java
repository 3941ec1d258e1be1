package jp.madoguchi.queuestatus.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.queuestatus.domain.StatusMessage.Call;
import jp.madoguchi.queuestatus.domain.StatusMessage.QueueStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The public site's only state: the newest status message, in memory. Nothing is written
 * to disk, and the message type holds numbers and counter names only. A process that
 * restarts shows "no status yet" until the next push (seconds).
 */
@Component
@ServedBy(Role.PUBLIC)
public class StatusStore {

	private final AtomicReference<@Nullable Snapshot> latest = new AtomicReference<>();

	private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();

	private final QueueStatusProperties properties;

	private final Clock clock;

	StatusStore(QueueStatusProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The message and when it arrived. */
	public record Snapshot(StatusMessage message, Instant receivedAt) {
	}

	/**
	 * Keeps {@code message} unless a newer one is already kept; tells the listeners.
	 * Returns whether it was kept.
	 */
	public boolean accept(StatusMessage message) {
		Snapshot next = new Snapshot(message, clock.instant());
		Snapshot before = latest.getAndUpdate(
				current -> (current == null || !message.publishedAt().isBefore(current.message().publishedAt())) ? next
						: current);
		boolean kept = before == null || !message.publishedAt().isBefore(before.message().publishedAt());
		if (kept) {
			listeners.forEach(listener -> listener.accept(next));
		}
		return kept;
	}

	public Optional<Snapshot> snapshot() {
		return Optional.ofNullable(latest.get());
	}

	public void onUpdate(Consumer<Snapshot> listener) {
		listeners.add(listener);
	}

	/**
	 * Whether the status is current: published within {@code staleAfter} and of today.
	 */
	public boolean current(Snapshot snapshot) {
		return !snapshot.message().publishedAt().isBefore(clock.instant().minus(properties.staleAfter()))
				&& snapshot.message().day().equals(LocalDate.now(clock));
	}

	/** Whether the snapshot's numbers are of today (they restart every day). */
	public boolean today(Snapshot snapshot) {
		return snapshot.message().day().equals(LocalDate.now(clock));
	}

	/**
	 * Where a ticket stands now, from the newest status: the ticket issued in
	 * {@code originQueue} with {@code ticketNumber}, in whichever queue it waits now.
	 */
	public TicketProgress progress(String originQueue, int ticketNumber) {
		StatusMessage.Ticket ticket = new StatusMessage.Ticket(originQueue, ticketNumber);
		Snapshot snapshot = latest.get();
		if (snapshot == null) {
			return TicketProgress.unknown(ticketNumber);
		}
		boolean current = current(snapshot);
		Instant at = snapshot.message().publishedAt();
		if (snapshot.message().day().equals(LocalDate.now(clock))) {
			for (QueueStatus queue : snapshot.message().queues()) {
				for (Call call : queue.calledNow()) {
					if (call.ticketNumber() == ticketNumber && call.origin().equals(originQueue)) {
						return new TicketProgress(ticketNumber, TicketProgress.State.CALLED, queue.code(), queue.name(),
								queue.nameEn(), 0, 0, call.counter(), call.counterName(), call.counterNameEn(), at,
								current);
					}
				}
				int ahead = queue.waiting().indexOf(ticket);
				if (ahead >= 0) {
					return new TicketProgress(ticketNumber, TicketProgress.State.WAITING, queue.code(), queue.name(),
							queue.nameEn(), ahead, queue.estimateFor(ahead), null, null, null, at, current);
				}
			}
		}
		return new TicketProgress(ticketNumber, TicketProgress.State.NOT_IN_LINE, null, null, null, 0, 0, null, null,
				null, at, current);
	}

}
