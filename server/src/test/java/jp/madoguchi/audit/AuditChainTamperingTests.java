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

	@Test
	void anAlteredEventWithARecomputedHashBreaksTheNextLink() throws Exception {
		List<Long> ids = recordThree();
		long id = ids.get(1);
		Map<String, Object> original = Tampering.row(id);
		AuditEvent stored = event(id);
		AuditEvent forged = new AuditEvent(id, stored.occurredAt(), stored.actor(), stored.terminal(), stored.ip(),
				stored.action(), stored.subject(), AuditOutcome.SUCCESS, "nothing happened", stored.prevHash(), "");
		Tampering.execute("update audit.events set outcome = 'SUCCESS', detail = ?, hash = ? where id = ?",
				forged.detail(), jp.madoguchi.audit.domain.ChainHash.of(forged), id);
		try {
			expectBroken(ids.get(2), "LINK_BROKEN");
		}
		finally {
			Tampering.execute("update audit.events set outcome = ?, detail = ?, hash = ? where id = ?",
					original.get("outcome"), original.get("detail"), original.get("hash"), id);
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
