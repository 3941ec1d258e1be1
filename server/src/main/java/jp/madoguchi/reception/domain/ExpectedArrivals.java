package jp.madoguchi.reception.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.reception.domain.ReceptionLookups.subject;

/**
 * 本日来庁予定: the moving-out data sent ahead (特例転入) whose planned visit date is today, as the
 * resident-record system answers it, each with the ticket issued for it today if any; and
 * issuing that ticket in the queue of the 住民異動 counter. Every look at the record is
 * personal data and audited as {@code RESIDENT_RECORD_LOOKUP}, as the resident-record
 * module's own lookups are.
 */
@Service
public class ExpectedArrivals {

	/** The 担当課 of the 住民異動届 in the procedure guide: its department's queue takes 転入. */
	static final String MOVING_IN_DEPARTMENT = "市民課";

	private final ResidentRecordLookup lookup;

	private final ReceptionRecords records;

	private final QueueMaster master;

	private final ReceptionLookups lookups;

	private final TicketIssuing issuing;

	private final AuditTrail audit;

	private final MovingNotifications notifications;

	ExpectedArrivals(ResidentRecordLookup lookup, ReceptionRecords records, QueueMaster master,
			ReceptionLookups lookups, TicketIssuing issuing, AuditTrail audit, MovingNotifications notifications) {
		this.notifications = notifications;
		this.lookup = lookup;
		this.records = records;
		this.master = master;
		this.lookups = lookups;
		this.issuing = issuing;
		this.audit = audit;
	}

	/**
	 * One household expected today.
	 *
	 * @param headOfHousehold the name exactly as the data sent ahead has it
	 * @param persons how many persons move in
	 * @param previousMunicipality 転出元 prefecture and municipality
	 * @param ticketNumber the ticket issued for it today, or null (未発券)
	 */
	public record Arrival(String noticeId, @Nullable String headOfHousehold, int persons,
			@Nullable String previousMunicipality, @Nullable LocalDate plannedVisitDate, @Nullable Integer ticketNumber,
			@Nullable UUID receptionId) {

		public boolean issued() {
			return ticketNumber != null;
		}

	}

	/**
	 * Today's list, or why there is none: {@code configured} is false when the city has
	 * no resident-record lookup (the board then leaves the section out);
	 * {@code unavailable} is the reason in Japanese when the record could not answer.
	 */
	public record Today(boolean configured, @Nullable String unavailable, List<Arrival> arrivals) {

		public Today {
			arrivals = List.copyOf(arrivals);
		}

	}

	/** Today's expected arrivals; never fails because the record cannot be reached. */
	public Today today() {
		if ("none".equals(lookup.source())) {
			return new Today(false, null, List.of());
		}
		LocalDate day = lookups.today();
		List<SentAhead> found;
		try {
			found = audited("reception expected-arrivals date=" + day, () -> expected(day));
		}
		catch (ResidentRecordLookup.LookupUnavailableException ex) {
			return new Today(true, ex.getMessage(), List.of());
		}
		Map<String, ReceptionRecord> issued = new HashMap<>();
		records.sentAheadOn(day).forEach(r -> issued.put(r.sentAheadNotice(), r));
		return new Today(true, null, found.stream().map(s -> arrival(s, issued.get(s.noticeId()))).toList());
	}

	/**
	 * Issues the ticket for data sent ahead that is expected today, in the 住民異動 queue
	 * (the queue of the department handling {@value #MOVING_IN_DEPARTMENT}, else
	 * {@code fallbackQueue}); the reception carries the head of household's name exactly
	 * as recorded and the data's number.
	 */
	public Ticket issue(String noticeId, String fallbackQueue) {
		LocalDate day = lookups.today();
		boolean alreadyIssued = records.sentAheadOn(day).stream().anyMatch(r -> noticeId.equals(r.sentAheadNotice()));
		if (alreadyIssued) {
			throw ProblemException.conflict("SENT_AHEAD_TICKET_ISSUED");
		}
		SentAhead sentAhead;
		try {
			sentAhead = audited("reception expected-arrivals ticket notice=" + noticeId, () -> expected(day)).stream()
				.filter(s -> s.noticeId().equals(noticeId))
				.findFirst()
				.orElseThrow(() -> ProblemException.invalid("SENT_AHEAD_NOT_EXPECTED", noticeId));
		}
		catch (ResidentRecordLookup.LookupUnavailableException ex) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "EXPECTED_ARRIVALS_UNAVAILABLE",
					ex.getMessage());
		}
		try {
			return issuing.issue(new NewReception(movingInQueue(fallbackQueue), null, sentAhead.headOfHousehold(), null,
					ReceptionSource.SENT_AHEAD), noticeId);
		}
		catch (DuplicateKeyException ex) {
			// Two counters pressed 発券 at once: the unique index kept one ticket.
			throw ProblemException.conflict("SENT_AHEAD_TICKET_ISSUED");
		}
	}

	/**
	 * 特例転入を始める from a ticket issued for data sent ahead: the draft filled from that data
	 * (moving refuses and audits as its API does), linked to the reception so that the
	 * board opens it from then on. A reception that has its notification already answers
	 * it.
	 */
	@Transactional
	public UUID startSpecialMoveIn(UUID receptionId) {
		ReceptionRecord reception = records.find(receptionId)
			.orElseThrow(() -> ProblemException.notFound("RECEPTION_NOT_FOUND"));
		if (reception.notificationId() != null) {
			return reception.notificationId();
		}
		if (reception.sentAheadNotice() == null) {
			throw ProblemException.invalid("RECEPTION_NOT_SENT_AHEAD");
		}
		UUID notification = notifications.createFromSentAhead(List.of(reception.sentAheadNotice())).id();
		records.linkNotification(receptionId, notification);
		audit.record(AuditEntry.success("RECEPTION_NOTIFICATION_STARTED", subject(receptionId),
				"notification=" + notification + " from sent-ahead"));
		return notification;
	}

	String movingInQueue(String fallbackQueue) {
		List<Department> departments = master.departments();
		return master.queues()
			.stream()
			.filter(Queue::active)
			.filter(q -> q.department() != null && departments.stream()
				.anyMatch(d -> d.code().equals(q.department()) && d.handles(MOVING_IN_DEPARTMENT)))
			.map(Queue::code)
			.findFirst()
			.orElse(fallbackQueue);
	}

	private List<SentAhead> expected(LocalDate day) {
		return lookup.findSentAhead(new SentAheadQuery(null, null, day));
	}

	private List<SentAhead> audited(String criteria, Supplier<List<SentAhead>> search) {
		try {
			List<SentAhead> found = search.get();
			audit.record(AuditEntry.success("RESIDENT_RECORD_LOOKUP", null, criteria + " hits=" + found.size()));
			return found;
		}
		catch (ResidentRecordLookup.LookupUnavailableException ex) {
			audit.record(AuditEntry.failure("RESIDENT_RECORD_LOOKUP", null, criteria + " " + ex.getMessage()));
			throw ex;
		}
	}

	private static Arrival arrival(SentAhead sentAhead, @Nullable ReceptionRecord issued) {
		return new Arrival(sentAhead.noticeId(), sentAhead.headOfHousehold(), sentAhead.persons().size(),
				municipality(sentAhead.previousAddress()), sentAhead.plannedVisitDate(),
				(issued != null) ? issued.ticketNumber() : null, (issued != null) ? issued.id() : null);
	}

	private static @Nullable String municipality(Resident.@Nullable Address address) {
		if (address == null) {
			return null;
		}
		String text = ((address.prefecture() != null) ? address.prefecture() : "")
				+ ((address.city() != null) ? address.city() : "");
		return text.isEmpty() ? null : text;
	}

}
