package jp.madoguchi.queuestatus.domain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.Role;
import jp.madoguchi.reception.QueueBoard;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.TicketCalled;
import jp.madoguchi.statistics.TypicalWaits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The counter side's end of the link: reads every active queue (numbers and counters
 * only) and pushes it to the public site, after every call and every
 * {@code madoguchi.queue-status.interval}. The push is an HTTP POST the counter makes
 * (signed, {@link LinkSigner}); the public site never connects to the counter. In a
 * process of role {@code all} without a push address the status goes straight to the
 * public pages of the same process.
 */
@Component
public class StatusPublisher {

	private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** More waiting numbers than this per queue are not sent (the body stays small). */
	static final int MAX_WAITING = 500;

	private final Receptions receptions;

	private final TypicalWaits typicalWaits;

	private final StatusLink link;

	private final QueueStatusProperties properties;

	private final @Nullable StatusStore localStore;

	private final @Nullable URI target;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final ExecutorService pushing = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "queue-status-push");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());

	private volatile @Nullable Typical typical;

	private volatile boolean lastFailed;

	private record Typical(LocalDate day, Map<String, List<TypicalWaits.HourlyWait>> waits) {
	}

	StatusPublisher(Receptions receptions, TypicalWaits typicalWaits, StatusLink link, QueueStatusProperties properties,
			MadoguchiProperties madoguchi, ObjectProvider<StatusStore> store, Clock clock) {
		this.receptions = receptions;
		this.typicalWaits = typicalWaits;
		this.link = link;
		this.properties = properties;
		this.clock = clock;
		if (properties.pushUrl().isBlank()) {
			this.target = null;
			this.localStore = (madoguchi.parsedRole() == Role.ALL) ? store.getIfAvailable() : null;
		}
		else {
			URI base = URI.create(properties.pushUrl().replaceAll("/+$", ""));
			if (!"https".equalsIgnoreCase(base.getScheme()) && !properties.allowPlainHttp()) {
				throw new IllegalStateException("madoguchi.queue-status.push-url must be https (was " + base
						+ "); madoguchi.queue-status.allow-plain-http=true is for tests only");
			}
			this.target = URI.create(base + StatusLink.PATH);
			this.localStore = null;
		}
	}

	@Scheduled(initialDelayString = "${madoguchi.queue-status.interval:5s}",
			fixedDelayString = "${madoguchi.queue-status.interval:5s}")
	void everyInterval() {
		publish();
	}

	/**
	 * A call goes out at once after its commit, not at the next interval, on a thread of
	 * its own so the calling request never waits for the public site; calls that come
	 * while a push is pending ride on it.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(TicketCalled called) {
		if (pending.compareAndSet(false, true)) {
			pushing.execute(() -> {
				pending.set(false);
				publish();
			});
		}
	}

	@PreDestroy
	void stop() {
		pushing.shutdownNow();
	}

	/** Reads the queues and sends them; returns whether they arrived. */
	public synchronized boolean publish() {
		if (target == null && localStore == null) {
			return false;
		}
		StatusMessage message = message();
		if (localStore != null) {
			return localStore.accept(message);
		}
		try {
			byte[] body = LinkReceiver.STRICT.writeValueAsBytes(message);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header(LinkSigner.HEADER, link.signer().sign("POST", target, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			boolean delivered = response.statusCode() / 100 == 2;
			report(delivered, "HTTP " + response.statusCode());
			return delivered;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			report(false, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return false;
		}
	}

	private void report(boolean delivered, String what) {
		if (!delivered && !lastFailed) {
			log.warn("Queue status not delivered to {} ({}); the public pages say the status is not current", target,
					what);
		}
		else if (delivered && lastFailed) {
			log.info("Queue status delivered again to {}", target);
		}
		lastFailed = !delivered;
	}

	StatusMessage message() {
		LocalDate today = LocalDate.now(clock);
		Map<String, List<TypicalWaits.HourlyWait>> waits = typical(today);
		List<StatusMessage.QueueStatus> queues = receptions.queueBoards()
			.stream()
			.map(board -> status(board, waits))
			.toList();
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		return new StatusMessage(sequence.incrementAndGet(), HexFormat.of().formatHex(nonce), clock.instant(), today,
				queues);
	}

	private static StatusMessage.QueueStatus status(QueueBoard board,
			Map<String, List<TypicalWaits.HourlyWait>> waits) {
		return new StatusMessage.QueueStatus(board.queue(), board.name(), board.nameEn(),
				board.calledNow()
					.stream()
					.map(c -> new StatusMessage.Call(c.originQueue(), c.ticketNumber(), c.counter(), c.counterName(),
							c.counterNameEn()))
					.toList(),
				board.waiting()
					.subList(0, Math.min(MAX_WAITING, board.waiting().size()))
					.stream()
					.map(t -> new StatusMessage.Ticket(t.originQueue(), t.number()))
					.toList(),
				board.estimatedWaitMinutes(), board.minutesPerService(), board.openCounters(),
				waits.getOrDefault(board.queue(), List.of())
					.stream()
					.map(w -> new StatusMessage.HourWait(w.hour(), w.minutes()))
					.toList());
	}

	/** The statistics are read once a day per process. */
	private Map<String, List<TypicalWaits.HourlyWait>> typical(LocalDate today) {
		Typical known = typical;
		if (known == null || !known.day().equals(today)) {
			try {
				known = new Typical(today, typicalWaits.byQueue(today));
			}
			catch (RuntimeException ex) {
				log.warn("Typical waits unavailable: {}", ex.getMessage());
				known = new Typical(today, Map.of());
			}
			typical = known;
		}
		return known.waits();
	}

}
