package jp.madoguchi.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditVerification;
import jp.madoguchi.audit.AuditVerification.BreakKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTests {

	/** Small pages so that every test crosses page boundaries. */
	static final int PAGE = 2;

	@Test
	void anIntactChainIsValid() {
		List<AuditEvent> chain = chain(5);
		assertThat(verify(head(chain), chain)).isEqualTo(AuditVerification.intact(5));
		List<AuditEvent> even = chain(4);
		assertThat(verify(head(even), even)).isEqualTo(AuditVerification.intact(4));
	}

	@Test
	void anEmptyChainIsValid() {
		assertThat(verify(ChainHead.EMPTY, List.of())).isEqualTo(AuditVerification.intact(0));
	}

	@Test
	void namesAnAlteredEvent() {
		List<AuditEvent> chain = chain(5);
		ChainHead head = head(chain);
		AuditEvent third = chain.get(2);
		chain.set(2, new AuditEvent(third.id(), third.occurredAt(), "someone-else", third.terminal(), third.ip(),
				third.action(), third.subject(), third.outcome(), third.detail(), third.prevHash(), third.hash()));
		assertThat(verify(head, chain)).isEqualTo(AuditVerification.broken(3, 3, BreakKind.ALTERED));
	}

	@Test
	void anAlteredAndRehashedEventBreaksTheNextLink() {
		List<AuditEvent> chain = chain(5);
		ChainHead head = head(chain);
		AuditEvent third = chain.get(2);
		AuditEvent forged = new AuditEvent(third.id(), third.occurredAt(), third.actor(), third.terminal(), third.ip(),
				third.action(), third.subject(), AuditOutcome.SUCCESS, "forged", third.prevHash(), "");
		chain.set(2, withHash(forged));
		assertThat(verify(head, chain)).isEqualTo(AuditVerification.broken(4, 4, BreakKind.LINK_BROKEN));
	}

	@Test
	void namesARemovedEvent() {
		List<AuditEvent> chain = chain(5);
		ChainHead head = head(chain);
		chain.remove(2);
		assertThat(verify(head, chain)).isEqualTo(AuditVerification.broken(2, 3, BreakKind.MISSING));
	}

	@Test
	void namesRemovedNewestEventsThroughTheHead() {
		List<AuditEvent> chain = chain(5);
		ChainHead head = head(chain);
		chain.remove(4);
		assertThat(verify(head, chain)).isEqualTo(AuditVerification.broken(4, 5, BreakKind.MISSING));
		chain.remove(3);
		assertThat(verify(head, chain)).isEqualTo(AuditVerification.broken(3, 4, BreakKind.MISSING));
	}

	@Test
	void noticesEventsBeyondTheHeadAndAHeadThatDoesNotMatch() {
		List<AuditEvent> chain = chain(5);
		ChainHead head = head(chain);
		List<AuditEvent> longer = chain(6);
		assertThat(verify(head, longer)).isEqualTo(AuditVerification.broken(6, 6, BreakKind.HEAD_MISMATCH));
		assertThat(verify(new ChainHead(5, ChainHash.GENESIS), chain))
			.isEqualTo(AuditVerification.broken(5, 5, BreakKind.HEAD_MISMATCH));
	}

	@Test
	void aChainMustStartAtTheGenesisHash() {
		List<AuditEvent> chain = chain(2);
		AuditEvent first = chain.get(0);
		chain.set(0, withHash(new AuditEvent(1, first.occurredAt(), first.actor(), null, null, first.action(), null,
				first.outcome(), null, "f".repeat(64), "")));
		assertThat(verify(head(chain), chain)).isEqualTo(AuditVerification.broken(1, 1, BreakKind.LINK_BROKEN));
	}

	@Test
	void aKeyedChainVerifiesOnlyWithItsKey() {
		ChainKey key = new ChainKey("test", "k".repeat(32).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 2);
		List<AuditEvent> chain = new ArrayList<>();
		String previous = ChainHash.GENESIS;
		for (int id = 1; id <= 4; id++) {
			AuditEvent event = new AuditEvent(id, Instant.parse("2026-12-02T00:00:00Z").plusSeconds(id), "user", null,
					null, "ACTION", null, AuditOutcome.SUCCESS, null, previous, "");
			event = new AuditEvent(id, event.occurredAt(), event.actor(), null, null, event.action(), null,
					event.outcome(), null, previous, key.hashOf(event));
			chain.add(event);
			previous = event.hash();
		}
		ChainHead head = head(chain);
		EventPagesOf pages = new EventPagesOf(chain);
		assertThat(ChainVerifier.verify(head, pages, PAGE, key)).isEqualTo(AuditVerification.intact(4));
		assertThat(chain.get(1).hash()).as("before the key: plain SHA-256").isEqualTo(ChainHash.of(chain.get(1)));
		assertThat(ChainVerifier.verify(head, pages, PAGE, UNKEYED))
			.isEqualTo(AuditVerification.broken(3, 3, BreakKind.ALTERED));
		ChainKey stranger = new ChainKey("other", new byte[32], 2);
		assertThat(ChainVerifier.verify(head, pages, PAGE, stranger))
			.isEqualTo(AuditVerification.broken(3, 3, BreakKind.ALTERED));
	}

	record EventPagesOf(List<AuditEvent> stored) implements ChainVerifier.EventPages {

		@Override
		public List<AuditEvent> after(long afterId, int size) {
			return stored.stream().filter((event) -> event.id() > afterId).limit(size).toList();
		}

	}

	/** Every event hashed as before the chain had a key. */
	static final ChainKey UNKEYED = new ChainKey("none", new byte[32], Long.MAX_VALUE);

	static AuditVerification verify(ChainHead head, List<AuditEvent> stored) {
		return ChainVerifier.verify(head,
				(after, size) -> stored.stream()
					.filter((event) -> event.id() > after)
					.sorted((a, b) -> Long.compare(a.id(), b.id()))
					.limit(size)
					.toList(),
				PAGE, UNKEYED);
	}

	static List<AuditEvent> chain(int length) {
		List<AuditEvent> chain = new ArrayList<>();
		String previous = ChainHash.GENESIS;
		for (int id = 1; id <= length; id++) {
			AuditEvent event = withHash(
					new AuditEvent(id, Instant.parse("2026-11-25T00:00:00Z").plusSeconds(id), "user" + id, null,
							"192.0.2." + id, "ACTION_" + id, "thing:" + id, AuditOutcome.SUCCESS, null, previous, ""));
			chain.add(event);
			previous = event.hash();
		}
		return chain;
	}

	static ChainHead head(List<AuditEvent> chain) {
		AuditEvent last = chain.get(chain.size() - 1);
		return new ChainHead(last.id(), last.hash());
	}

	static AuditEvent withHash(AuditEvent event) {
		return new AuditEvent(event.id(), event.occurredAt(), event.actor(), event.terminal(), event.ip(),
				event.action(), event.subject(), event.outcome(), event.detail(), event.prevHash(),
				ChainHash.of(event));
	}

}
