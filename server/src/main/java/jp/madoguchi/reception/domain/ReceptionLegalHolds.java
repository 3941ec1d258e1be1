package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.retention.LegalHold;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.reception.domain.ReceptionLookups.subject;

/** Legal holds of receptions: exempt from the retention purge while held. */
@Service
@Transactional
public class ReceptionLegalHolds {

	private final ReceptionRecords records;

	private final AuditTrail audit;

	private final Clock clock;

	ReceptionLegalHolds(ReceptionRecords records, AuditTrail audit, Clock clock) {
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	/** The reception's legal hold; {@link LegalHold#NONE} when it has none. */
	@Transactional(readOnly = true)
	public LegalHold legalHold(UUID id) {
		return records.legalHold(id).orElse(LegalHold.NONE);
	}

	/**
	 * Puts a reception on legal hold (exempt from the retention purge, with its tasks and
	 * timeline) or releases it. A hold needs a reason; both are audited.
	 */
	public LegalHold setLegalHold(UUID id, boolean held, @Nullable String reason) {
		LegalHold hold = LegalHold.requested(held, reason, CurrentActor.name(), clock.instant());
		if (!records.setLegalHold(id, hold)) {
			throw ReceptionLookups.receptionNotFound();
		}
		audit.record(AuditEntry.success(hold.auditAction(), subject(id), hold.reason()));
		return hold;
	}

}
