package jp.madoguchi.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@AuditIntegration
@ResourceLock(AuditChainTamperingTests.CHAIN)
class AuditConcurrencyTests {

	static final int THREADS = 8;

	static final int PER_THREAD = 20;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void concurrentAppendsKeepOneValidChain() throws Exception {
		String subject = "concurrency:" + UUID.randomUUID();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				boolean inTransactions = t % 2 == 0;
				Callable<Void> work = () -> {
					start.await();
					for (int i = 0; i < PER_THREAD; i += 2) {
						if (inTransactions) {
							// a success appended at commit, a failure at once in a
							// transaction of its own
							new TransactionTemplate(transactions).executeWithoutResult((status) -> {
								trail.record(AuditEntry.success("TEST_CONCURRENT", subject).by("thread"));
								trail.record(AuditEntry.failure("TEST_CONCURRENT", subject, "failed").by("thread"));
							});
						}
						else {
							trail.record(AuditEntry.success("TEST_CONCURRENT", subject).by("thread"));
							trail.record(AuditEntry.success("TEST_CONCURRENT", subject).by("thread"));
						}
					}
					return null;
				};
				done.add(pool.submit(work));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<AuditEvent> events = log.search(new AuditQuery(null, subject, null, null, null, null, 1000));
		assertThat(events).hasSize(THREADS * PER_THREAD);
		assertThat(events).extracting(AuditEvent::id).doesNotHaveDuplicates();
		AuditVerification verification = log.verify();
		assertThat(verification.valid()).as("%s", verification).isTrue();
		assertThat(verification.checked()).isGreaterThanOrEqualTo(THREADS * PER_THREAD);
	}

}
