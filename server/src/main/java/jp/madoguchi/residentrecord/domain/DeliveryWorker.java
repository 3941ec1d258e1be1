package jp.madoguchi.residentrecord.domain;

import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.moving.CharacterChoice;
import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.document.CsvResidentRecordDocument;
import jp.madoguchi.residentrecord.domain.document.Rendered;
import jp.madoguchi.residentrecord.domain.document.ResidentRecordDocument;
import jp.madoguchi.residentrecord.domain.transport.Transport;
import jp.madoguchi.residentrecord.domain.transport.Transport.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox holds. Every instance runs one worker; they coordinate through
 * the database only:
 * <ul>
 * <li>a claim is one short transaction ({@code UPDATE … WHERE id IN (SELECT … FOR UPDATE
 * SKIP LOCKED)}) that stamps the rows with this worker and a lease, so two workers never
 * claim the same row, and no lock is held while the document travels;</li>
 * <li>when a worker dies mid-delivery its lease runs out and another worker (or the same
 * one after a restart) claims the row again; the transports make that repeat harmless
 * (same bytes under the same name, the same idempotency key);</li>
 * <li>an attempt is recorded only if the worker still holds the lease.</li>
 * </ul>
 * That is why no scheduler lock (ShedLock) is needed: the unit of mutual exclusion is the
 * row, not the job, so several instances share the work instead of idling.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final int ACKNOWLEDGEMENT_BATCH = 200;

	private final ResidentRecordLink link;

	private final DeliveryRepository deliveries;

	private final MovingNotifications notifications;

	private final ResidentRecordDocument document;

	private final CsvResidentRecordDocument csv;

	private final TransactionTemplate transaction;

	private final String workerId;

	private @Nullable ScheduledExecutorService executor;

	DeliveryWorker(ResidentRecordLink link, DeliveryRepository deliveries, MovingNotifications notifications,
			ResidentRecordDocument document, CsvResidentRecordDocument csv, PlatformTransactionManager transactions) {
		this.link = link;
		this.deliveries = deliveries;
		this.notifications = notifications;
		this.document = document;
		this.csv = csv;
		this.transaction = new TransactionTemplate(transactions);
		this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	public synchronized void start() {
		Optional<Transport> transport = link.transport();
		if (transport.isEmpty()) {
			return;
		}
		transport.get().removeStaleTemporaryFiles(link.properties().lease());
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "resident-record-worker");
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(10, link.properties().pollInterval().toMillis());
		started.scheduleWithFixedDelay(this::runSafely, interval, interval, TimeUnit.MILLISECONDS);
		executor = started;
		log.info("Resident-record worker {} delivers by {} every {} ms", workerId, transport.get().channel(), interval);
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdown();
			try {
				if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
					running.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				running.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	private void runSafely() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			// The next round tries again; a database restart must not end the worker.
			log.warn("Resident-record worker round failed: {}", ex.toString());
		}
	}

	/** One round: deliver what is due, then read the answers that came in. */
	void runOnce() {
		Optional<Transport> configured = link.transport();
		if (configured.isEmpty()) {
			return;
		}
		Transport transport = configured.get();
		if (transport.notReady().isEmpty()) {
			List<Delivery> claimed = deliveries.claim(workerId, transport.channel(), link.properties().batchSize(),
					link.properties().lease());
			for (Delivery delivery : claimed) {
				attempt(transport, delivery);
			}
		}
		if (transport.answersLater()) {
			readAcknowledgements(transport);
		}
	}

	private void attempt(Transport transport, Delivery delivery) {
		Outcome outcome;
		String sha256 = null;
		String notes = null;
		try {
			Optional<NotificationView> notification = notifications.findForDelivery(delivery.notificationId());
			if (notification.isEmpty()) {
				outcome = Outcome.rejected("届出が見つかりません。");
			}
			else if (notification.get().status() == NotificationStatus.SENT) {
				outcome = Outcome.acknowledged();
			}
			else if (notification.get().status() != NotificationStatus.ACCEPTED) {
				outcome = Outcome.rejected("届出が受理済みではありません（" + notification.get().status() + "）。");
			}
			else {
				Rendered rendered = render(transport, delivery, notification.get());
				sha256 = sha256(rendered.bytes());
				notes = withChoices(rendered.notes(), notifications.characterChoices(delivery.notificationId()));
				outcome = transport.deliver(delivery.key(), rendered.bytes());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Delivery {} could not be prepared", delivery.id(), ex);
			outcome = Outcome.retry("送信の準備に失敗しました: " + ex.getClass().getSimpleName());
		}
		record(delivery, outcome, sha256, notes);
	}

	/**
	 * Staff's character choices, applied in the document, are listed for the record too.
	 */
	private static @Nullable String withChoices(@Nullable String notes, List<CharacterChoice> choices) {
		if (choices.isEmpty()) {
			return notes;
		}
		StringBuilder listed = new StringBuilder("職員が選んだ文字: ");
		for (int i = 0; i < choices.size(); i++) {
			CharacterChoice choice = choices.get(i);
			listed.append((i > 0) ? " / " : "")
				.append((choice.person() > 0) ? choice.person() + "人目の" : "")
				.append(itemName(choice.field()))
				.append(": 「")
				.append(choice.original())
				.append("」→「")
				.append(choice.replacement())
				.append("」（")
				.append(choice.chosenBy())
				.append("）");
		}
		return (notes == null) ? listed.toString() : listed + "\n" + notes;
	}

	/** The item as the CSV's header names it, where it has one. */
	private static String itemName(String field) {
		if (field.equals("/filer/name")) {
			return "届出人の氏名";
		}
		String item = field.substring(field.lastIndexOf('/') + 1);
		return ITEM_NAMES.getOrDefault(item, item);
	}

	private static final Map<String, String> ITEM_NAMES = Map.of("familyName", "氏", "givenName", "名", "familyNameKana",
			"氏の振り仮名", "givenNameKana", "名の振り仮名", "formerSurname", "旧氏", "registeredDomicile", "本籍",
			"familyRegisterHead", "筆頭者の氏名", "alias", "通称", "headName", "世帯主の氏名", "building", "方書");

	private Rendered render(Transport transport, Delivery delivery, NotificationView notification) {
		Optional<Charset> csvCharset = transport.csvCharset();
		HouseholdsBeforeAfter change = notifications.beforeAndAfter(notification).orElse(null);
		if (csvCharset.isPresent()) {
			return csv.render(delivery.id(), delivery.kind(), notification, change, csvCharset.get());
		}
		return new Rendered(document.render(delivery.id(), delivery.kind(), notification, change), null);
	}

	private void record(Delivery delivery, Outcome outcome, @Nullable String sha256, @Nullable String notes) {
		switch (outcome.kind()) {
			case ACKNOWLEDGED:
				transaction.executeWithoutResult(status -> {
					if (deliveries.finishAttempt(delivery.id(), workerId, DeliveryState.SENT, null, sha256, notes,
							Duration.ZERO)) {
						notifications.markSent(delivery.notificationId());
					}
				});
				break;
			case DELIVERED:
				deliveries.finishAttempt(delivery.id(), workerId, DeliveryState.DELIVERED, null, sha256, notes,
						Duration.ZERO);
				break;
			case REJECTED:
				deliveries.finishAttempt(delivery.id(), workerId, DeliveryState.ERROR, outcome.reason(), sha256, notes,
						Duration.ZERO);
				break;
			case DEFERRED:
				deliveries.release(delivery.id(), workerId, String.valueOf(outcome.reason()),
						link.properties().pollInterval());
				break;
			default:
				int maxAttempts = link.properties().maxAttempts();
				if (delivery.attempts() >= maxAttempts) {
					deliveries.finishAttempt(delivery.id(), workerId, DeliveryState.DEAD,
							outcome.reason() + "（" + delivery.attempts() + " 回失敗したため送信を止めました。原因を取り除いて再送してください。）",
							sha256, notes, Duration.ZERO);
				}
				else {
					deliveries.finishAttempt(delivery.id(), workerId, DeliveryState.FAILED_RETRYING, outcome.reason(),
							sha256, notes, backoff(delivery.attempts()));
				}
		}
	}

	/**
	 * Reads {@code .ack}/{@code .err} for delivered documents. The rows stay locked while
	 * their answer is read and the notification marked SENT, in one transaction, so two
	 * instances never handle the same answer.
	 */
	private void readAcknowledgements(Transport transport) {
		transaction.executeWithoutResult(status -> {
			for (Delivery delivery : deliveries.lockDelivered(transport.channel(), ACKNOWLEDGEMENT_BATCH)) {
				transport.acknowledgement(delivery.key()).ifPresent(outcome -> {
					if (outcome.kind() == Outcome.Kind.ACKNOWLEDGED) {
						notifications.markSent(delivery.notificationId());
						deliveries.acknowledge(delivery.id(), DeliveryState.SENT, null);
					}
					else {
						deliveries.acknowledge(delivery.id(), DeliveryState.ERROR, outcome.reason());
					}
				});
			}
		});
	}

	/** Exponential: initial, 2×, 4×, … up to the configured maximum. */
	Duration backoff(int attempts) {
		Duration initial = link.properties().backoffInitial();
		Duration max = link.properties().backoffMax();
		int doublings = Math.min(Math.max(0, attempts - 1), 30);
		Duration wait = initial.multipliedBy(1L << doublings);
		return (wait.compareTo(max) > 0 || wait.isNegative()) ? max : wait;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
