package jp.madoguchi.audit.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditQuery;
import jp.madoguchi.audit.AuditRetention;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.AuditVerification;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the hash chain.
 * <p>
 * A successful action recorded inside a read-write transaction joins it: the event is
 * appended just before that transaction commits and rolls back with it. Appending at
 * commit, not at the call, keeps the lock on the chain head short and makes it the last
 * lock a transaction takes, so audited transactions cannot deadlock on it. Outside a
 * transaction the entry is appended in a transaction of its own (propagation REQUIRED). A
 * failed or denied attempt, and anything recorded inside a read-only transaction
 * (typically a read of personal data), is appended at once in a new transaction: the
 * attempt or the read happened whether or not the surrounding transaction commits, and
 * the exception that usually follows a failure would otherwise roll its record back.
 */
@Service
public class AuditService implements AuditTrail, AuditLog, AuditRetention {

	static final int VERIFY_PAGE_SIZE = 1000;

	private static final int MAX_TERMINAL_LENGTH = 100;

	private final AuditEventRepository events;

	private final AttributionSource attribution;

	private final Clock clock;

	private final ChainKeys keys;

	private final ChainHeadExport exports;

	private final TransactionTemplate required;

	private final TransactionTemplate requiresNew;

	private final TransactionTemplate snapshot;

	@Autowired
	public AuditService(AuditEventRepository events, AttributionSource attribution,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock, ChainKeys keys,
			ChainHeadExport exports) {
		this(events, attribution, transactionManager, clock.getIfAvailable(Clock::systemUTC), keys, exports);
	}

	public AuditService(AuditEventRepository events, AttributionSource attribution,
			PlatformTransactionManager transactionManager, Clock clock, ChainKeys keys, ChainHeadExport exports) {
		this.events = events;
		this.keys = keys;
		this.exports = exports;
		this.attribution = attribution;
		this.clock = clock;
		this.required = new TransactionTemplate(transactionManager);
		this.requiresNew = new TransactionTemplate(transactionManager);
		this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// one consistent snapshot of head and events, however long the walk takes
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	@Override
	public void record(AuditEntry entry) {
		Pending pending = pending(entry);
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			required.executeWithoutResult((status) -> append(List.of(pending)));
			return;
		}
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			requiresNew.executeWithoutResult((status) -> append(List.of(pending)));
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(pending));
			return;
		}
		PendingAppends appends = pendingAppends();
		if (appends != null && appends.flushed) {
			// recorded by another synchronization after ours ran: still before the
			// commit, and this transaction already holds the chain head
			append(List.of(pending));
		}
		else if (entry.outcome() != AuditOutcome.SUCCESS) {
			// a failed or refused attempt happened even though its transaction will most
			// likely roll back
			requiresNew.executeWithoutResult((status) -> append(List.of(pending)));
		}
		else if (appends != null) {
			appends.entries.add(pending);
		}
		else {
			appends = new PendingAppends();
			appends.entries.add(pending);
			TransactionSynchronizationManager.registerSynchronization(appends);
		}
	}

	@Override
	public List<AuditEvent> search(AuditQuery query) {
		return events.search(query, Long.MAX_VALUE);
	}

	/**
	 * Every event matching the query's filters, newest first, without its limit (for
	 * exports); returns how many there were.
	 */
	public long forEach(AuditQuery query, Consumer<AuditEvent> action) {
		return events.forEach(query, action);
	}

	@Override
	public AuditVerification verify() {
		AuditVerification result = snapshot.execute((status) -> {
			ChainAnchor anchor = events.anchor();
			ChainHead head = events.head();
			AuditVerification chain = ChainVerifier.verify(anchor, head, events::after, VERIFY_PAGE_SIZE,
					keys.current(head::lastId));
			return exports.latest()
				.map((exported) -> ChainVerifier.compare(chain, exported, anchor, head, events::after))
				.orElse(chain);
		});
		if (result == null) {
			throw new IllegalStateException("verification returned nothing");
		}
		return result;
	}

	@Override
	public long countBefore(Instant cutoff) {
		return events.countBefore(cutoff);
	}

	@Override
	public AuditPurge purgeBefore(Instant cutoff) {
		AuditPurge result = required.execute((status) -> {
			// the head's lock keeps appends out while the anchor is chosen and stored
			events.lockHead();
			return events.lastBefore(cutoff)
				.map((last) -> new AuditPurge(events.purgeThrough(last), last.id()))
				.orElse(new AuditPurge(0, 0));
		});
		if (result == null) {
			throw new IllegalStateException("purge returned nothing");
		}
		if (result.purged() > 0) {
			record(AuditEntry.success("AUDIT_PURGED", "audit:events",
					"through=" + result.throughId() + " count=" + result.purged() + " cutoff=" + cutoff));
		}
		return result;
	}

	private Pending pending(AuditEntry entry) {
		Attribution who = attribution.current();
		String actor = (entry.actor() != null) ? entry.actor() : who.actor();
		String terminal = who.terminal();
		if (terminal != null && terminal.length() > MAX_TERMINAL_LENGTH) {
			terminal = terminal.substring(0, MAX_TERMINAL_LENGTH);
		}
		return new Pending(ChainHash.truncate(clock.instant()), storable(actor), storable(terminal), storable(who.ip()),
				storable(entry.action()), storable(entry.subject()), entry.outcome(), storable(entry.detail()));
	}

	/**
	 * This transaction's pending appends, found among its synchronizations rather than
	 * bound as a resource: synchronizations are suspended with their transaction, so an
	 * inner REQUIRES_NEW transaction gets its own.
	 */
	private @Nullable PendingAppends pendingAppends() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingAppends mine && mine.owner() == this) {
				return mine;
			}
		}
		return null;
	}

	private void append(List<Pending> entries) {
		ChainHead head = events.lockHead();
		ChainKey key = keys.current(head::lastId);
		long id = head.lastId();
		String previousHash = head.lastHash();
		for (Pending entry : entries) {
			id++;
			String hash = key.hash(id, entry.occurredAt, entry.actor, entry.terminal, entry.ip, entry.action,
					entry.subject, entry.outcome, entry.detail, previousHash);
			events.append(new AuditEvent(id, entry.occurredAt, entry.actor, entry.terminal, entry.ip, entry.action,
					entry.subject, entry.outcome, entry.detail, previousHash, hash));
			previousHash = hash;
		}
	}

	/**
	 * What PostgreSQL can store, so that what is hashed is what is read back: NUL and
	 * unpaired surrogates (which a hostile user name at login may contain) become U+FFFD.
	 */
	static @Nullable String storable(@Nullable String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean bad;
			if (Character.isHighSurrogate(c)) {
				bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
				if (!bad) {
					if (clean != null) {
						clean.append(c).append(text.charAt(i + 1));
					}
					i++;
					continue;
				}
			}
			else {
				bad = c == '\0' || Character.isLowSurrogate(c);
			}
			if (bad && clean == null) {
				clean = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (clean != null) {
				clean.append(bad ? '\uFFFD' : c);
			}
		}
		return (clean != null) ? clean.toString() : text;
	}

	private record Pending(Instant occurredAt, @Nullable String actor, @Nullable String terminal, @Nullable String ip,
			String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail) {

	}

	private final class PendingAppends implements TransactionSynchronization {

		private final List<Pending> entries = new ArrayList<>();

		private boolean flushed;

		@Override
		public void beforeCommit(boolean readOnly) {
			flushed = true;
			if (!entries.isEmpty()) {
				append(entries);
			}
		}

		AuditService owner() {
			return AuditService.this;
		}

	}

}
