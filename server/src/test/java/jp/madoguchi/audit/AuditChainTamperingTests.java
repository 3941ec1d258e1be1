package jp.madoguchi.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Alters and removes stored events behind the database's back and expects verification to
 * name exactly the broken event. Every test puts the chain back as it was and proves it
 * valid again: the database, and so the chain, is shared by all test classes.
 */
@AuditIntegration
@ResourceLock(AuditChainTamperingTests.CHAIN)
@WithMockUser(username = "auditor-tampering", authorities = "AUDIT_VIEW")
class AuditChainTamperingTests {

	/** Tests that break the shared chain, or rely on it being intact, hold this lock. */
	static final String CHAIN = "audit-chain";

	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	jp.madoguchi.audit.domain.ChainHeadExport exports;

	@BeforeEach
	void setUp(WebApplicationContext context) {
		mvc = SecuredMockMvc.of(context);
	}

	@Test
	void anIntactChainVerifies() throws Exception {
		recordThree();
		mvc.perform(get("/api/v1/audit/verify"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.checked").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)))
			.andExpect(jsonPath("$.firstBrokenEventId").doesNotExist());
	}

	@Test
	void namesTheAlteredEvent() throws Exception {
		long id = recordThree().get(1);
		assertValid();
		Map<String, Object> original = Tampering.row(id);
		assertThat(Tampering.execute("update audit.events set detail = 'nothing happened' where id = ?", id))
			.isEqualTo(1);
		try {
			expectBroken(id, "ALTERED");
		}
		finally {
			Tampering.execute("update audit.events set detail = ? where id = ?", original.get("detail"), id);
		}
		assertValid();
	}

	/**
	 * Someone with the database but not the chain key alters an event and recomputes its
	 * hash the way the unkeyed chain did: the event itself no longer verifies.
	 */
	@Test
	void anAlteredEventWithARecomputedPlainHashIsNamed() throws Exception {
		List<Long> ids = recordThree();
		long id = ids.get(1);
		Map<String, Object> original = Tampering.row(id);
		AuditEvent stored = event(id);
		AuditEvent forged = new AuditEvent(id, stored.occurredAt(), stored.actor(), stored.terminal(), stored.ip(),
				stored.action(), stored.subject(), AuditOutcome.SUCCESS, "nothing happened", stored.prevHash(), "");
		Tampering.execute("update audit.events set outcome = 'SUCCESS', detail = ?, hash = ? where id = ?",
				forged.detail(), jp.madoguchi.audit.domain.ChainHash.of(forged), id);
		try {
			expectBroken(id, "ALTERED");
		}
		finally {
			Tampering.execute("update audit.events set outcome = ?, detail = ?, hash = ? where id = ?",
					original.get("outcome"), original.get("detail"), original.get("hash"), id);
		}
		assertValid();
	}

	/**
	 * The tail rewritten consistently, each link recomputed, as a database administrator
	 * could do with an unkeyed chain: without the key the first rewritten event fails.
	 * (The head is left alone: the verification's own audit event links to it.)
	 */
	@Test
	void aConsistentlyRewrittenTailIsNamedWithoutTheKey() throws Exception {
		List<Long> ids = recordThree();
		Map<Long, Map<String, Object>> originals = new java.util.LinkedHashMap<>();
		for (long id : ids.subList(1, 3)) {
			originals.put(id, Tampering.row(id));
		}
		String previous = event(ids.get(0)).hash();
		for (long id : ids.subList(1, 3)) {
			AuditEvent stored = event(id);
			AuditEvent forged = new AuditEvent(id, stored.occurredAt(), "someone-else", stored.terminal(), stored.ip(),
					stored.action(), stored.subject(), stored.outcome(), stored.detail(), previous, "");
			previous = jp.madoguchi.audit.domain.ChainHash.of(forged);
			Tampering.execute("update audit.events set actor = ?, prev_hash = ?, hash = ? where id = ?", forged.actor(),
					forged.prevHash(), previous, id);
		}
		try {
			expectBroken(ids.get(1), "ALTERED");
		}
		finally {
			for (Map.Entry<Long, Map<String, Object>> original : originals.entrySet()) {
				Tampering.execute("update audit.events set actor = ?, prev_hash = ?, hash = ? where id = ?",
						original.getValue().get("actor"), original.getValue().get("prev_hash"),
						original.getValue().get("hash"), original.getKey());
			}
		}
		assertValid();
	}

	/**
	 * The newest events removed and the head rewound to the one before: a chain that is
	 * consistent in itself, but not with the head exported outside the database. Verified
	 * directly: a verification through the API would append its own event to the rewound
	 * chain.
	 */
	@Test
	void removingTheNewestEventsAndRewindingTheHeadIsNamedByTheExportedHead() throws Exception {
		List<Long> ids = recordThree();
		exports.export();
		assertThat(exports.latest())
			.hasValueSatisfying((exported) -> assertThat(exported.lastId()).isEqualTo(ids.get(2)));
		Map<String, Object> newest = Tampering.row(ids.get(2));
		Map<String, Object> head = jdbc.sql("select last_id, last_hash from audit.chain_head").query().singleRow();
		assertThat(((Number) head.get("last_id")).longValue()).isEqualTo(ids.get(2));
		Tampering.execute("delete from audit.events where id = ?", ids.get(2));
		Tampering.execute("update audit.chain_head set last_id = ?, last_hash = ?", ids.get(1),
				event(ids.get(1)).hash());
		try {
			assertThat(log.verify()).isEqualTo(AuditVerification.broken(log.verify().checked(), ids.get(2),
					AuditVerification.BreakKind.EXPORT_MISMATCH));
		}
		finally {
			Tampering.reinsert(newest);
			Tampering.execute("update audit.chain_head set last_id = ?, last_hash = ?", head.get("last_id"),
					head.get("last_hash"));
		}
		assertValid();
	}

	@Test
	void namesARemovedEvent() throws Exception {
		long id = recordThree().get(1);
		assertValid();
		Map<String, Object> original = Tampering.row(id);
		assertThat(Tampering.execute("delete from audit.events where id = ?", id)).isEqualTo(1);
		try {
			expectBroken(id, "MISSING");
		}
		finally {
			Tampering.reinsert(original);
		}
		assertValid();
	}

	@Test
	void namesTheRemovedNewestEvent() throws Exception {
		long id = recordThree().get(2);
		assertThat(jdbc.sql("select last_id from audit.chain_head").query(Long.class).single()).isEqualTo(id);
		Map<String, Object> original = Tampering.row(id);
		assertThat(Tampering.execute("delete from audit.events where id = ?", id)).isEqualTo(1);
		try {
			expectBroken(id, "MISSING");
		}
		finally {
			Tampering.reinsert(original);
		}
		assertValid();
	}

	@Test
	void theVerificationPageShowsABrokenChain() throws Exception {
		long id = recordThree().get(0);
		Map<String, Object> original = Tampering.row(id);
		Tampering.execute("update audit.events set actor = 'someone-else' where id = ?", id);
		try {
			mvc.perform(get("/audit/verify"))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(containsString("記録 " + id + " の内容が記録時のハッシュと一致しません")));
		}
		finally {
			Tampering.execute("update audit.events set actor = ? where id = ?", original.get("actor"), id);
		}
		assertValid();
	}

	private void expectBroken(long id, String reasonCode) throws Exception {
		mvc.perform(get("/api/v1/audit/verify"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.firstBrokenEventId").value(id))
			.andExpect(jsonPath("$.reasonCode").value(reasonCode))
			.andExpect(jsonPath("$.reason").value(containsString("記録 " + id + " ")))
			.andExpect(jsonPath("$.checked").isNumber());
		// and the failed check is itself on record
		List<AuditEvent> verified = log.search(new AuditQuery("auditor-tampering", "audit-event:" + id,
				"AUDIT_VERIFIED", AuditOutcome.FAILURE, null, null, 1));
		assertThat(verified).singleElement()
			.satisfies((event) -> assertThat(event.detail()).contains("reason=" + reasonCode));
	}

	private void assertValid() {
		AuditVerification verification = log.verify();
		assertThat(verification.valid()).as("%s", verification).isTrue();
	}

	private List<Long> recordThree() {
		String subject = "tamper:" + UUID.randomUUID();
		for (String action : List.of("TEST_FIRST", "TEST_SECOND", "TEST_THIRD")) {
			trail.record(AuditEntry.success(action, subject, "detail of " + action).by("tamper-test"));
		}
		List<Long> ids = log.search(new AuditQuery(null, subject, null, null, null, null, 10))
			.stream()
			.map(AuditEvent::id)
			.sorted()
			.toList();
		assertThat(ids).hasSize(3);
		return ids;
	}

	private AuditEvent event(long id) {
		return log.search(new AuditQuery(null, null, null, null, null, null, 1000))
			.stream()
			.filter((event) -> event.id() == id)
			.findFirst()
			.orElseThrow();
	}

}
