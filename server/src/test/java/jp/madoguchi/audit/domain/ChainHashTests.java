package jp.madoguchi.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

	static final Instant TIME = Instant.parse("2026-11-25T01:02:03.123456Z");

	static final AuditEvent EVENT = new AuditEvent(42, TIME, "tanaka", null, "192.0.2.1", "USER_CREATED",
			"user:辻\uDB40\uDD00", AuditOutcome.SUCCESS, "", ChainHash.GENESIS, "");

	@Test
	void matchesTheDocumentedEncoding() {
		// computed independently (Python hashlib) from the encoding in ChainHash's
		// Javadoc;
		// a change here breaks every stored chain
		assertThat(ChainHash.of(EVENT)).isEqualTo("49f656d9407fe825b5dbc82b3d2a09cec9b775007b015a01ed1e056bc222b3e2");
	}

	@Test
	void everyFieldIsCovered() {
		String original = ChainHash.of(EVENT);
		List<UnaryOperator<AuditEvent>> changes = List.of(
				(e) -> copy(e.id() + 1, e.occurredAt(), e.actor(), e.terminal(), e.ip(), e.action(), e.subject(),
						e.outcome(), e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt().plusNanos(1000), e.actor(), e.terminal(), e.ip(), e.action(),
						e.subject(), e.outcome(), e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), "tanakb", e.terminal(), e.ip(), e.action(), e.subject(),
						e.outcome(), e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), "T-01", e.ip(), e.action(), e.subject(), e.outcome(),
						e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), e.terminal(), "192.0.2.2", e.action(), e.subject(),
						e.outcome(), e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), e.terminal(), e.ip(), "USER_DELETED", e.subject(),
						e.outcome(), e.detail(), e.prevHash()),
				// the same name without its variation selector is another subject
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), e.terminal(), e.ip(), e.action(), "user:辻", e.outcome(),
						e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), e.terminal(), e.ip(), e.action(), e.subject(),
						AuditOutcome.DENIED, e.detail(), e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), e.terminal(), e.ip(), e.action(), e.subject(),
						e.outcome(), "x", e.prevHash()),
				(e) -> copy(e.id(), e.occurredAt(), e.actor(), e.terminal(), e.ip(), e.action(), e.subject(),
						e.outcome(), e.detail(), "1" + ChainHash.GENESIS.substring(1)));
		for (UnaryOperator<AuditEvent> change : changes) {
			assertThat(ChainHash.of(change.apply(EVENT))).isNotEqualTo(original);
		}
	}

	@Test
	void fieldBoundariesAndNullsAreUnambiguous() {
		AuditEvent ab = copy(1, TIME, "ab", "c", null, "A", null, AuditOutcome.SUCCESS, null, ChainHash.GENESIS);
		AuditEvent a = copy(1, TIME, "a", "bc", null, "A", null, AuditOutcome.SUCCESS, null, ChainHash.GENESIS);
		AuditEvent empty = copy(1, TIME, "ab", "c", "", "A", null, AuditOutcome.SUCCESS, null, ChainHash.GENESIS);
		assertThat(ChainHash.of(ab)).isNotEqualTo(ChainHash.of(a)).isNotEqualTo(ChainHash.of(empty));
	}

	@Test
	void timeCountsToTheMicrosecondAsPostgresqlStoresIt() {
		AuditEvent nanos = copy(EVENT.id(), TIME.plusNanos(999), EVENT.actor(), EVENT.terminal(), EVENT.ip(),
				EVENT.action(), EVENT.subject(), EVENT.outcome(), EVENT.detail(), EVENT.prevHash());
		assertThat(ChainHash.of(nanos)).isEqualTo(ChainHash.of(EVENT));
		assertThat(ChainHash.truncate(TIME.plusNanos(999))).isEqualTo(TIME);
	}

	@Test
	void isLowerCaseHexOfSha256() {
		assertThat(ChainHash.of(EVENT)).matches("[0-9a-f]{64}");
		assertThat(ChainHash.GENESIS).matches("0{64}");
	}

	static AuditEvent copy(long id, Instant time, String actor, String terminal, String ip, String action,
			String subject, AuditOutcome outcome, String detail, String prevHash) {
		return new AuditEvent(id, time, actor, terminal, ip, action, subject, outcome, detail, prevHash, "");
	}

}
