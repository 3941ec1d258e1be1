package jp.madoguchi.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jp.madoguchi.audit.AuditRetention.AuditPurge;
import jp.madoguchi.audit.domain.AttributionSource;
import jp.madoguchi.audit.domain.AuditEventRepository;
import jp.madoguchi.audit.domain.AuditService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Audit events past their retention go as a prefix of the chain behind an anchor; every
 * remaining event is still verified, and the database refuses any other deletion.
 */
@SpringBootTest
class AuditRetentionTests {

	@Autowired
	AuditEventRepository repository;

	@Autowired
	AttributionSource attribution;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	jp.madoguchi.audit.domain.ChainKeys keys;

	@Autowired
	jp.madoguchi.audit.domain.ChainHeadExport exports;

	@Autowired
	AuditService audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void purgesAPrefixBehindAnAnchorAndTheRestStillVerifies() {
		Instant longAgo = Instant.now().minus(Duration.ofDays(366 * 12));
		AuditService past = new AuditService(repository, attribution, transactions,
				Clock.fixed(longAgo, ZoneOffset.UTC), keys, exports);
		past.record(AuditEntry.success("RETENTION_TEST_OLD", "test:old-1").by("tester"));
		past.record(AuditEntry.success("RETENTION_TEST_OLD", "test:old-2").by("tester"));
		long newestOld = lastId();
		audit.record(AuditEntry.success("RETENTION_TEST_NEW", "test:new").by("tester"));
		long young = lastId();

		assertThatThrownBy(() -> jdbc.sql("delete from audit.events where id = ?").param(newestOld).update())
			.hasStackTraceContaining("append-only");

		AuditPurge purge = audit.purgeBefore(longAgo.plusSeconds(1));
		assertThat(purge.throughId()).isEqualTo(newestOld);
		assertThat(purge.purged()).isGreaterThanOrEqualTo(2);
		assertThat(
				jdbc.sql("select count(*) from audit.events where id <= ?").param(newestOld).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit.events where id = ?").param(young).query(Long.class).single())
			.isOne();
		assertThat(jdbc.sql("select detail from audit.events where action = 'AUDIT_PURGED' order by id desc limit 1")
			.query(String.class)
			.single()).startsWith("through=" + newestOld + " count=" + purge.purged());
		AuditVerification verified = audit.verify();
		assertThat(verified.valid()).as(verified.toString()).isTrue();

		// what remains stays append-only, and anchors only move forward to old events
		assertThatThrownBy(() -> jdbc.sql("delete from audit.events where id = ?").param(young).update())
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("update audit.events set detail = 'x' where id = ?").param(young).update())
			.hasStackTraceContaining("append-only");
		String youngHash = jdbc.sql("select hash from audit.events where id = ?")
			.param(young)
			.query(String.class)
			.single();
		assertThatThrownBy(() -> jdbc
			.sql("insert into audit.purges (purged_through_id, purged_through_hash, purged_count) values (?, ?, 1)")
			.params(young, youngHash)
			.update()).hasStackTraceContaining("older than a year");

		// tampering with what remains is still caught, from the anchor on
		java.util.Map<String, Object> original = Tampering.row(young);
		Tampering.execute("update audit.events set detail = 'rewritten' where id = ?", young);
		try {
			AuditVerification broken = audit.verify();
			assertThat(broken.valid()).isFalse();
			assertThat(broken.firstBrokenEventId()).isEqualTo(young);
		}
		finally {
			Tampering.execute("update audit.events set detail = ? where id = ?", original.get("detail"), young);
		}
		assertThat(audit.verify().valid()).isTrue();
	}

	private long lastId() {
		return jdbc.sql("select max(id) from audit.events").query(Long.class).single();
	}

}
