package jp.madoguchi.residentrecord.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.Delivery;
import jp.madoguchi.residentrecord.domain.DeliveryRepository;
import jp.madoguchi.residentrecord.domain.DeliveryStatistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims that let several instances share the outbox, against the real PostgreSQL:
 * concurrent workers never get the same delivery, and a worker that dies loses its
 * deliveries to another once its lease runs out, without being able to record anything
 * afterwards. (The link is off in this context, so no background worker interferes.)
 */
@SpringBootTest
class DeliveryClaimsTests {

	static final NotificationKind KIND = new NotificationKind("01", "転入届");

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void statisticsWithNothingUnsentHaveNoOldest() {
		// Every delivery SENT, in a transaction rolled back: as on a new installation,
		// where
		// the admin page failed because min() of no rows is null.
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			jdbc.sql("update residentrecord.deliveries set state = 'SENT'").update();
			DeliveryStatistics statistics = deliveries.statistics();
			assertThat(statistics.oldestUnsent()).isNull();
			assertThat(statistics.count(DeliveryState.FAILED_RETRYING)).isZero();
			status.setRollbackOnly();
		});
	}

	@Test
	void concurrentWorkersClaimEachDeliveryExactlyOnce() throws Exception {
		Set<UUID> ours = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 60; i++) {
			UUID notification = UUID.randomUUID();
			assertThat(deliveries.enqueue(notification, Instant.now(), "clerk", KIND)).isTrue();
			ours.add(notification);
		}
		Map<UUID, AtomicInteger> claims = new ConcurrentHashMap<>();
		int workers = 4;
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			String worker = "test-worker-" + w;
			running.add(pool.submit((Callable<Void>) () -> {
				start.await();
				List<Delivery> claimed;
				do {
					claimed = deliveries.claim(worker, "test", 3, Duration.ofMinutes(5));
					for (Delivery delivery : claimed) {
						claims.computeIfAbsent(delivery.notificationId(), id -> new AtomicInteger()).incrementAndGet();
						deliveries.finishAttempt(delivery.id(), worker, DeliveryState.DELIVERED, null, null, null,
								Duration.ZERO);
					}
				}
				while (!claimed.isEmpty());
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : running) {
			future.get();
		}
		pool.shutdown();
		for (UUID notification : ours) {
			assertThat(claims.get(notification)).as("claims of " + notification).hasValue(1);
		}
	}

	@Test
	void aDeadWorkersLeaseRunsOutAndAnotherWorkerTakesOverAlone() throws Exception {
		UUID notification = UUID.randomUUID();
		deliveries.enqueue(notification, Instant.now(), "clerk", KIND);
		assertThat(deliveries.enqueue(notification, Instant.now(), "clerk", KIND)).as("one delivery per notification")
			.isFalse();
		UUID id = deliveries.findByNotification(notification).orElseThrow().id();
		// Only rows of this test are due: push the others out of the way for a moment.
		List<Delivery> first = claimOnly(id, "dying-worker", Duration.ofMillis(300));
		assertThat(first).hasSize(1);
		assertThat(claimOnly(id, "other-worker", Duration.ofMinutes(5))).as("leased").isEmpty();
		Thread.sleep(500);
		List<Delivery> second = claimOnly(id, "other-worker", Duration.ofMinutes(5));
		assertThat(second).hasSize(1);
		assertThat(second.get(0).attempts()).isEqualTo(2);
		assertThat(
				deliveries.finishAttempt(id, "dying-worker", DeliveryState.DELIVERED, null, null, null, Duration.ZERO))
			.as("the dead worker can no longer record")
			.isFalse();
		assertThat(
				deliveries.finishAttempt(id, "other-worker", DeliveryState.DELIVERED, null, "abc", null, Duration.ZERO))
			.isTrue();
		assertThat(deliveries.find(id).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
	}

	/**
	 * Claims with every other due delivery pushed into the future, so only {@code id} is
	 * due.
	 */
	private List<Delivery> claimOnly(UUID id, String worker, Duration lease) {
		jdbc.sql("update residentrecord.deliveries set next_attempt_at = next_attempt_at + interval '1000 years'"
				+ " where id <> ? and state in ('PENDING', 'FAILED_RETRYING')")
			.param(id)
			.update();
		try {
			return deliveries.claim(worker, "test", 10, lease);
		}
		finally {
			jdbc.sql("update residentrecord.deliveries set next_attempt_at = next_attempt_at - interval '1000 years'"
					+ " where id <> ? and next_attempt_at > now() + interval '500 years'")
				.param(id)
				.update();
		}
	}

}
