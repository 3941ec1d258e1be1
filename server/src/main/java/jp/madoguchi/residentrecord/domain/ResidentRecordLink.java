package jp.madoguchi.residentrecord.domain;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.retention.DependentsPurged;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationAccepted;
import jp.madoguchi.moving.NotificationsPurged;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.TrainingMode;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.transport.CircuitBreaker;
import jp.madoguchi.residentrecord.domain.transport.FileOutbox;
import jp.madoguchi.residentrecord.domain.transport.HttpTransport;
import jp.madoguchi.residentrecord.domain.transport.TrainingTransport;
import jp.madoguchi.residentrecord.domain.transport.Transport;
import jp.madoguchi.residentrecord.domain.transport.TransportStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox side of the link: records a delivery for every accepted notification and
 * lets staff list and retry deliveries. The transport follows
 * {@code madoguchi.resident-record.mode}.
 */
@Service
@EnableConfigurationProperties(ResidentRecordProperties.class)
public class ResidentRecordLink {

	private final DeliveryRepository deliveries;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ResidentRecordProperties properties;

	private final @Nullable Transport transport;

	ResidentRecordLink(DeliveryRepository deliveries, AuditTrail audit, ResidentRecordProperties properties,
			Clock clock, ApplicationEventPublisher events, LinkSigners signers, TrainingMode training) {
		this.deliveries = deliveries;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.transport = transport(properties, clock, signers, training);
	}

	private static @Nullable Transport transport(ResidentRecordProperties properties, Clock clock, LinkSigners signers,
			TrainingMode training) {
		if ("training".equalsIgnoreCase(properties.mode())) {
			if (!training.enabled()) {
				throw new IllegalStateException(
						"madoguchi.resident-record.mode=training sends nothing and is allowed only with madoguchi.training=true");
			}
			return new TrainingTransport();
		}
		if (properties.fileMode()) {
			Path outbox = properties.file().outbox();
			if (outbox == null) {
				throw new IllegalStateException(
						"madoguchi.resident-record.mode=file needs madoguchi.resident-record.file.outbox=DIR");
			}
			if (properties.file().csv()) {
				Charset charset;
				try {
					charset = Charset.forName(properties.file().csvCharset());
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException("madoguchi.resident-record.file.csv-charset: unknown charset "
							+ properties.file().csvCharset(), ex);
				}
				return new FileOutbox(outbox.toAbsolutePath(), charset, clock);
			}
			return new FileOutbox(outbox.toAbsolutePath(), clock);
		}
		if (properties.httpMode()) {
			ResidentRecordProperties.Http http = properties.http();
			if (http.url() == null) {
				throw new IllegalStateException(
						"madoguchi.resident-record.mode=http needs madoguchi.resident-record.http.url=URL");
			}
			return new HttpTransport(properties.secure(http.url(), "madoguchi.resident-record.http.url"),
					http.connectTimeout(), http.requestTimeout(),
					new CircuitBreaker(http.breakerFailures(), http.breakerOpenFor(), clock), signers.signer());
		}
		if (!"off".equalsIgnoreCase(properties.mode())) {
			throw new IllegalStateException(
					"madoguchi.resident-record.mode must be off, file, http or training, not " + properties.mode());
		}
		return null;
	}

	/**
	 * Runs inside the transaction that accepts the notification (a plain, synchronous
	 * listener): the acceptance and its delivery row commit together or not at all. This
	 * is the transactional outbox; the unique notification id makes it exactly one row.
	 */
	@EventListener
	void onAccepted(NotificationAccepted accepted) {
		deliveries.enqueue(accepted.notificationId(), accepted.acceptedAt(), accepted.acceptedBy(), accepted.kind());
	}

	/**
	 * The deliveries of purged notifications go in the purge's transaction (a plain,
	 * synchronous listener: a notification on legal hold is never purged, so its delivery
	 * stays); their files in the outbox folder only after it committed, as a rolled-back
	 * purge keeps the notification.
	 */
	@EventListener
	void onPurged(NotificationsPurged purged) {
		long deleted = deliveries.deleteOfNotifications(purged.notificationIds());
		events.publishEvent(new DependentsPurged("residentrecord.deliveries", deleted));
		if (transport != null && !purged.notificationIds().isEmpty()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			Transport files = transport;
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					purged.notificationIds().forEach(files::forget);
				}
			});
		}
	}

	Optional<Transport> transport() {
		return Optional.ofNullable(transport);
	}

	ResidentRecordProperties properties() {
		return properties;
	}

	/**
	 * The link as the admin page shows it: where documents go, and what stops them now.
	 */
	public TransportStatus status() {
		if (transport == null) {
			return new TransportStatus("off", null, "連携方式が設定されていません（madoguchi.resident-record.mode）。届出は送信待ちのまま保存されます。");
		}
		return transport.status();
	}

	@Transactional(readOnly = true)
	public List<Delivery> list(@Nullable DeliveryState state, int limit) {
		return deliveries.list(state, limit);
	}

	@Transactional(readOnly = true)
	public DeliveryStatistics statistics() {
		return deliveries.statistics();
	}

	@Transactional(readOnly = true)
	public Optional<Delivery> find(UUID id) {
		return deliveries.find(id);
	}

	@Transactional(readOnly = true)
	public Optional<Delivery> forNotification(UUID notificationId) {
		return deliveries.findByNotification(notificationId);
	}

	/**
	 * Another attempt for a delivery that failed, died or was refused; audited.
	 * @throws ProblemException 404 {@code DELIVERY_NOT_FOUND}, 409
	 * {@code DELIVERY_NOT_RETRYABLE}
	 */
	@Transactional
	public Delivery retry(UUID id) {
		Delivery delivery = deliveries.find(id).orElseThrow(() -> ProblemException.notFound("DELIVERY_NOT_FOUND"));
		if (!delivery.state().retryable()) {
			audit.record(AuditEntry.failure("RESIDENT_RECORD_RETRY", subject(delivery), delivery.state().name()));
			throw ProblemException.conflict("DELIVERY_NOT_RETRYABLE", delivery.state().name());
		}
		if (transport != null) {
			transport.prepareRetry(delivery.key());
		}
		deliveries.retry(id);
		audit.record(AuditEntry.success("RESIDENT_RECORD_RETRY", subject(delivery),
				"from=" + delivery.state().name() + " lastError=" + delivery.lastError()));
		return deliveries.find(id).orElseThrow();
	}

	private static String subject(Delivery delivery) {
		return "notification:" + delivery.notificationId();
	}

}
