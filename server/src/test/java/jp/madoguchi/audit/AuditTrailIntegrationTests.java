package jp.madoguchi.audit;

import java.util.List;
import java.util.UUID;

import jp.madoguchi.audit.domain.ChainHash;
import jp.madoguchi.support.PairedTerminals;
import jp.madoguchi.support.PairedTerminals.Paired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

@AuditIntegration
class AuditTrailIntegrationTests {

	@Autowired
	jp.madoguchi.audit.domain.ChainKeys keys;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void storesTheEntryLinkedToItsPredecessor() {
		String subject = subject();
		trail.record(new AuditEntry("TEST_STORED", subject, AuditOutcome.DENIED, "why: 辻\uDB40\uDD00", "explicit"));
		AuditEvent event = only(subject);
		assertThat(event.action()).isEqualTo("TEST_STORED");
		assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(event.detail()).isEqualTo("why: 辻\uDB40\uDD00");
		assertThat(event.actor()).isEqualTo("explicit");
		assertThat(event.hash()).isEqualTo(keys.current(() -> 0).hashOf(event));
		String predecessorHash = jdbc.sql("select hash from audit.events where id = :id")
			.param("id", event.id() - 1)
			.query(String.class)
			.optional()
			.orElse(ChainHash.GENESIS);
		assertThat(event.prevHash()).isEqualTo(predecessorHash);
	}

	@Test
	@WithMockUser(username = "suzuki")
	void takesTheActorFromTheSecurityContextUnlessTheEntryNamesOne() {
		String subject = subject();
		trail.record(AuditEntry.success("TEST_ACTOR", subject));
		trail.record(AuditEntry.failure("TEST_ACTOR", subject, "typed name").by("typed-at-login"));
		assertThat(log.search(query(subject))).extracting(AuditEvent::actor)
			.containsExactly("typed-at-login", "suzuki");
	}

	@Test
	void takesAddressAndThePairedTerminalFromTheRequest() throws Exception {
		Paired paired = PairedTerminals.pair(
				MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build(), json,
				"http://127.0.0.1:9443");
		String name = jdbc.sql("select name from terminals.terminals where id = ?")
			.param(UUID.fromString(paired.cookie().getValue().split("\\.")[0]))
			.query(String.class)
			.single();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
		request.setRemoteAddr("192.0.2.44");
		request.setCookies(paired.cookie());
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String subject = subject();
		trail.record(AuditEntry.success("TEST_REQUEST", subject));
		AuditEvent event = only(subject);
		assertThat(event.ip()).isEqualTo("192.0.2.44");
		assertThat(event.terminal()).isEqualTo(name);
		// a request without a signed-in user
		assertThat(event.actor()).isEqualTo("anonymous");
	}

	@Test
	void aTerminalTheClientOnlyClaimsIsNotRecorded() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
		request.addHeader("X-Madoguchi-Terminal", "madoguchi-3");
		request.setCookies(new jakarta.servlet.http.Cookie("MADOGUCHI_TERMINAL", UUID.randomUUID() + ".forged"));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String subject = subject();
		trail.record(AuditEntry.success("TEST_REQUEST", subject));
		assertThat(only(subject).terminal()).isNull();
	}

	@Test
	void outsideRequestsThereIsNoActorAddressOrTerminal() {
		// the Spring test framework binds a mock request to every test thread: unbind it
		RequestContextHolder.resetRequestAttributes();
		String subject = subject();
		trail.record(AuditEntry.success("TEST_SYSTEM", subject));
		AuditEvent event = only(subject);
		assertThat(event.actor()).isNull();
		assertThat(event.ip()).isNull();
		assertThat(event.terminal()).isNull();
	}

	@Test
	void anAnonymousAuthenticationIsRecordedAsAnonymous() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		try {
			String subject = subject();
			trail.record(AuditEntry.success("TEST_ANONYMOUS", subject));
			assertThat(only(subject).actor()).isEqualTo("anonymous");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void commitsAndRollsBackWithTheCallersTransaction() {
		String committed = subject();
		String rolledBack = subject();
		new TransactionTemplate(transactions).executeWithoutResult((status) -> {
			trail.record(AuditEntry.success("TEST_TX", committed));
			trail.record(AuditEntry.success("TEST_TX", committed, "second"));
		});
		new TransactionTemplate(transactions).executeWithoutResult((status) -> {
			trail.record(AuditEntry.success("TEST_TX", rolledBack));
			status.setRollbackOnly();
		});
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult((status) -> {
				trail.record(AuditEntry.success("TEST_TX", rolledBack, "then it failed"));
				throw new IllegalStateException("the audited change failed");
			}));
		List<AuditEvent> events = log.search(query(committed));
		assertThat(events).extracting(AuditEvent::detail).containsExactly("second", null);
		assertThat(events.get(0).id()).isEqualTo(events.get(1).id() + 1);
		assertThat(log.search(query(rolledBack))).isEmpty();
	}

	@Test
	void failedAndRefusedAttemptsStayOnRecordWhenTheCallerRollsBack() {
		String subject = subject();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult((status) -> {
				trail.record(AuditEntry.success("TEST_ATTEMPT", subject, "the change"));
				trail.record(AuditEntry.failure("TEST_ATTEMPT", subject, "wrong password"));
				trail.record(AuditEntry.denied("TEST_ATTEMPT", subject, "not permitted"));
				throw new IllegalStateException("refused");
			}));
		assertThat(log.search(query(subject))).extracting(AuditEvent::detail)
			.containsExactly("not permitted", "wrong password");
	}

	@Test
	void aNestedNewTransactionKeepsItsOwnEvents() {
		String outer = subject();
		String inner = subject();
		TransactionTemplate requiresNew = new TransactionTemplate(transactions);
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		new TransactionTemplate(transactions).executeWithoutResult((status) -> {
			trail.record(AuditEntry.success("TEST_OUTER", outer));
			requiresNew.executeWithoutResult((innerStatus) -> trail.record(AuditEntry.success("TEST_INNER", inner)));
			status.setRollbackOnly();
		});
		assertThat(log.search(query(inner))).hasSize(1);
		assertThat(log.search(query(outer))).isEmpty();
	}

	@Test
	void aReadInAReadOnlyTransactionIsRecordedEvenIfThatTransactionRollsBack() {
		String subject = subject();
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult((status) -> {
			trail.record(AuditEntry.success("TEST_READ", subject));
			status.setRollbackOnly();
		});
		assertThat(log.search(query(subject))).hasSize(1);
	}

	@Test
	void textPostgresqlCannotStoreIsReplacedBeforeHashing() {
		String subject = subject();
		trail.record(AuditEntry.failure("TEST_NUL", subject, "user\u0000name").by("evil\u0000"));
		AuditEvent event = only(subject);
		assertThat(event.detail()).isEqualTo("user\uFFFDname");
		assertThat(event.actor()).isEqualTo("evil\uFFFD");
		assertThat(event.hash()).isEqualTo(keys.current(() -> 0).hashOf(event));
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveEvents() {
		trail.record(AuditEntry.success("TEST_GUARD", subject()));
		// each attempt runs in a transaction that is rolled back, so that a missing guard
		// could not damage the shared chain
		refused("update audit.events set detail = 'changed' where id = (select max(id) from audit.events)");
		refused("delete from audit.events where id = (select max(id) from audit.events)");
		refused("truncate audit.events");
		refused("delete from audit.chain_head");
		refused("truncate audit.chain_head");
		refused("update audit.chain_head set last_id = last_id - 1");
		refused("update audit.chain_head set last_id = last_id + 1");
		refused("insert into audit.events (id, occurred_at, action, outcome, prev_hash, hash) "
				+ "select last_id + 1, now(), 'FORGED', 'SUCCESS', repeat('f', 64), repeat('f', 64) from audit.chain_head");
		refused("insert into audit.events (id, occurred_at, action, outcome, prev_hash, hash) "
				+ "select last_id + 5, now(), 'FORGED', 'SUCCESS', last_hash, repeat('f', 64) from audit.chain_head");
	}

	private void refused(String sql) {
		new TransactionTemplate(transactions).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			assertThatExceptionOfType(DataAccessException.class).as(sql)
				.isThrownBy(() -> jdbc.sql(sql).update())
				.withMessageContaining("audit.");
		});
	}

	private AuditEvent only(String subject) {
		List<AuditEvent> events = log.search(query(subject));
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static AuditQuery query(String subject) {
		return new AuditQuery(null, subject, null, null, null, null, 100);
	}

	private static String subject() {
		return "test:" + UUID.randomUUID();
	}

}
