package jp.madoguchi.booking.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.BookableQueue;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.text.ClosedDays;
import jp.madoguchi.text.CounterHours;
import jp.madoguchi.text.ExactText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking a slot, cancelling with the code, checking in at arrival (exactly once, while
 * the slot's grace period lasts) and releasing no-shows. Every refusal is a problem with
 * a stable code and a Japanese message.
 */
@Service
@EnableConfigurationProperties(BookingProperties.class)
public class BookingService {

	private static final Logger log = LoggerFactory.getLogger(BookingService.class);

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** A name is optional; when given, it is as long as a name on a form. */
	static final int NAME_MAX_LENGTH = 50;

	/** Free slots offered when the one chosen is full. */
	static final int OFFERS = 3;

	private final BookingStore store;

	private final Receptions receptions;

	private final ClosedDays closedDays;

	private final AuditTrail audit;

	private final BookingProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	BookingService(BookingStore store, Receptions receptions, ClosedDays closedDays, AuditTrail audit,
			BookingProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.receptions = receptions;
		this.closedDays = closedDays;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	public BookingProperties properties() {
		return properties;
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TOKYO);
	}

	/** The queues residents can book. */
	public List<BookableQueue> queues() {
		return receptions.bookableQueues();
	}

	/** Today and the days ahead that can be booked, closed days marked. */
	public List<BookingDay> days() {
		LocalDate today = today();
		List<BookingDay> days = new ArrayList<>();
		for (int i = 0; i <= properties.daysAhead(); i++) {
			LocalDate day = today.plusDays(i);
			days.add(new BookingDay(day, !closedDays.opensOn(day)));
		}
		return days;
	}

	/**
	 * The slots of a queue's day with the places still free; refused for an unknown
	 * queue, a day outside the window and a closed day.
	 */
	public List<Slot> slots(String queueCode, LocalDate day) {
		BookableQueue queue = queue(queueCode);
		checkDay(day);
		return slots(queue, day, store.taken(queue.code(), day));
	}

	private List<Slot> slots(BookableQueue queue, LocalDate day, Map<LocalTime, Integer> taken) {
		Instant now = clock.instant();
		List<Slot> slots = new ArrayList<>();
		LocalTime start = properties.opens();
		LocalTime closes = properties.closes();
		// A special opening (休日開庁) books within its own hours only.
		Optional<CounterHours.Span> special = closedDays.specialOpening(day);
		if (special.isPresent()) {
			start = later(start, special.get().opens());
			closes = earlier(closes, special.get().closes());
		}
		while (true) {
			LocalTime end = start.plusMinutes(queue.slotMinutes());
			if (end.isAfter(closes) || end.isBefore(start)) {
				break;
			}
			int free = Math.max(0, queue.slotCapacity() - taken.getOrDefault(start, 0));
			boolean past = !day.atTime(start).atZone(TOKYO).toInstant().isAfter(now);
			slots.add(new Slot(day, start, end, queue.slotCapacity(), free, past));
			start = end;
		}
		return slots;
	}

	/**
	 * Books a slot. The slot is locked while its places are counted, so its last place
	 * goes to one resident only; a full slot answers 409 {@code SLOT_FULL} with the next
	 * free slots ({@code offers}).
	 */
	public Booking book(NewBooking request) {
		return book(request, null);
	}

	/**
	 * {@link #book(NewBooking)} with the code the public site already gave the resident
	 * (split installation), or a new one when {@code code} is null.
	 */
	private Booking book(NewBooking request, @Nullable String code) {
		BookableQueue queue = queue(request.queue());
		checkDay(request.day());
		String name = validName(request.name());
		Slot slot = slots(queue, request.day(), Map.of()).stream()
			.filter(s -> s.start().equals(request.slot()))
			.findFirst()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SLOT_NOT_FOUND",
					Map.of("field", "time")));
		if (slot.past()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SLOT_PAST", Map.of("field", "time"));
		}
		Booking booked = transaction.execute(status -> {
			store.lockSlot(queue.code(), request.day(), request.slot());
			int taken = store.taken(queue.code(), request.day()).getOrDefault(request.slot(), 0);
			if (taken >= queue.slotCapacity()) {
				return null;
			}
			Instant now = clock.instant();
			for (int attempt = 0; attempt < ((code == null) ? 5 : 1); attempt++) {
				Booking booking = new Booking(UUID.randomUUID(), (code == null) ? BookingCodes.generate() : code,
						queue.code(), request.day(), request.slot(),
						request.day().atTime(request.slot()).atZone(TOKYO).toInstant(), name, BookingStatus.BOOKED, now,
						null, null);
				if (store.add(booking)) {
					return booking;
				}
			}
			if (code != null) {
				throw ProblemException.conflict("BOOKING_CODE_TAKEN");
			}
			throw new IllegalStateException("No free booking code after 5 draws");
		});
		if (booked == null) {
			throw new ProblemException(HttpStatus.CONFLICT, "SLOT_FULL",
					Map.of("offers", offers(queue, request.day(), request.slot())));
		}
		return booked;
	}

	/**
	 * The next bookable slots after a full one: later that day, then the following open
	 * days of the window.
	 */
	public List<Slot> offers(BookableQueue queue, LocalDate day, LocalTime after) {
		List<Slot> offers = new ArrayList<>();
		LocalDate last = today().plusDays(properties.daysAhead());
		for (LocalDate d = day; !d.isAfter(last) && offers.size() < OFFERS; d = d.plusDays(1)) {
			if (!closedDays.opensOn(d)) {
				continue;
			}
			for (Slot slot : slots(queue, d, store.taken(queue.code(), d))) {
				if (slot.bookable() && (d.isAfter(day) || slot.start().isAfter(after)) && offers.size() < OFFERS) {
					offers.add(slot);
				}
			}
		}
		return offers;
	}

	/** A booking by its code, as typed or scanned. */
	public Booking find(String typedCode) {
		return BookingCodes.normalize(typedCode)
			.flatMap(store::find)
			.orElseThrow(() -> ProblemException.notFound("BOOKING_NOT_FOUND"));
	}

	/** Cancels an open booking with its code; its name is erased. */
	public Booking cancel(String typedCode) {
		Booking booking = transaction.execute(status -> {
			Booking found = BookingCodes.normalize(typedCode)
				.flatMap(store::findForUpdate)
				.orElseThrow(() -> ProblemException.notFound("BOOKING_NOT_FOUND"));
			requireOpen(found);
			store.end(found.id(), BookingStatus.CANCELLED, clock.instant());
			return found;
		});
		return Objects.requireNonNull(booking);
	}

	/**
	 * Turns a booking into a ticket in its queue, exactly once (the row is locked): the
	 * ticket waits from the slot's start, so the resident is called before walk-ins of
	 * later slots. Only on the booking's day and until the grace period after the slot's
	 * start has passed; audited, refusals too.
	 */
	public CheckIn checkIn(String typedCode) {
		String code = BookingCodes.normalize(typedCode).orElse(null);
		try {
			CheckIn done = transaction.execute(status -> {
				Booking booking = (code == null) ? null : store.findForUpdate(code).orElse(null);
				if (booking == null) {
					throw ProblemException.notFound("BOOKING_NOT_FOUND");
				}
				Instant now = clock.instant();
				if (booking.status() == BookingStatus.BOOKED && expired(booking, now)) {
					// The release job may not have run yet: the rule is the same.
					throw expiredProblem();
				}
				requireOpen(booking);
				if (!booking.day().equals(today())) {
					throw new ProblemException(HttpStatus.CONFLICT, "BOOKING_NOT_TODAY", booking.day().toString());
				}
				ReceptionView reception = receptions.open(new NewReception(booking.queue(), null, booking.name(), null,
						ReceptionSource.BOOKING, booking.startsAt()));
				store.checkedIn(booking.id(), reception.id(), reception.ticketNumber(), now);
				audit.record(AuditEntry.success("BOOKING_CHECKED_IN", "booking:" + booking.id(),
						"queue=" + booking.queue() + " slot=" + booking.day() + "T" + booking.slot() + " reception="
								+ reception.id() + " ticket=" + reception.ticketNumber()));
				return new CheckIn(booking.id(), reception.id(), booking.queue(), reception.ticketNumber(),
						booking.slot());
			});
			return Objects.requireNonNull(done);
		}
		catch (ProblemException refused) {
			// The code itself stays out of the log: it is the resident's key.
			audit.record(AuditEntry.failure("BOOKING_CHECKED_IN", null, "refused=" + refused.code()));
			throw refused;
		}
	}

	/**
	 * Releases the bookings not checked in within the grace period after their slot's
	 * start, every minute; their places are not given again (the slot has begun).
	 */
	@Scheduled(initialDelayString = "30s", fixedDelayString = "60s")
	public int releaseNoShows() {
		Instant now = clock.instant();
		int released = store.releaseNoShows(now.minus(properties.grace()), now);
		if (released > 0) {
			log.info("Released {} booking(s) not checked in within {} of their slot", released, properties.grace());
		}
		return released;
	}

	private boolean expired(Booking booking, Instant now) {
		return now.isAfter(booking.startsAt().plus(properties.grace()));
	}

	private ProblemException expiredProblem() {
		return new ProblemException(HttpStatus.GONE, "BOOKING_EXPIRED", properties.grace().toMinutes());
	}

	private void requireOpen(Booking booking) {
		switch (booking.status()) {
			case BOOKED -> {
			}
			case CANCELLED -> throw ProblemException.conflict("BOOKING_CANCELLED");
			case CHECKED_IN -> throw new ProblemException(HttpStatus.CONFLICT, "BOOKING_CHECKED_IN",
					Map.of("ticketNumber", String.valueOf(booking.ticketNumber())));
			case NO_SHOW -> throw expiredProblem();
		}
	}

	private BookableQueue queue(String code) {
		return receptions.bookableQueues()
			.stream()
			.filter(q -> q.code().equals(code))
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("BOOKING_QUEUE_NOT_FOUND"));
	}

	private static LocalTime later(LocalTime a, LocalTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalTime earlier(LocalTime a, LocalTime b) {
		return a.isBefore(b) ? a : b;
	}

	private void checkDay(LocalDate day) {
		LocalDate today = today();
		if (day.isBefore(today) || day.isAfter(today.plusDays(properties.daysAhead()))) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BOOKING_DAY_OUT_OF_RANGE",
					Map.of("field", "day"), properties.daysAhead());
		}
		if (!closedDays.opensOn(day)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CLOSED_DAY", Map.of("field", "day"),
					day.toString());
		}
	}

	static @Nullable String validName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String stripped = name.strip();
		if (ExactText.length(stripped) > NAME_MAX_LENGTH) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BOOKING_NAME_TOO_LONG",
					Map.of("field", "name"), NAME_MAX_LENGTH);
		}
		List<String> problems = ExactText.problems(stripped);
		if (!problems.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CHARACTER", Map.of("field", "name"),
					"name", String.join(" ", problems));
		}
		return stripped;
	}

	/**
	 * Decides a request the public site took (split installation) and answers its
	 * outcome: booking it with the code the resident already has (a request seen before
	 * answers the booking's state, so a pull repeated after a restart changes nothing),
	 * or cancelling it. Refusals are outcomes, not exceptions.
	 */
	public BookingLink.Outcome decide(BookingLink.Request request, @Nullable String name) {
		String code = BookingCodes.normalize(request.code()).orElse(null);
		if (code == null) {
			return refused(request, "BOOKING_NOT_FOUND", List.of());
		}
		Optional<Booking> known = store.find(code);
		if (request.kind() == BookingLink.Kind.BOOK) {
			if (known.isPresent()) {
				return outcome(known.get(), request);
			}
			try {
				return outcome(book(new NewBooking(request.queue(), request.day(), request.time(), name), code),
						request);
			}
			catch (ProblemException refused) {
				List<Slot> offers = new ArrayList<>();
				if (refused.properties().get("offers") instanceof List<?> list) {
					list.stream().filter(Slot.class::isInstance).map(Slot.class::cast).forEach(offers::add);
				}
				return refused(request, refused.code(), offers);
			}
		}
		if (known.isEmpty()) {
			return refused(request, "BOOKING_NOT_FOUND", List.of());
		}
		try {
			return outcome(cancel(code), request, BookingStatus.CANCELLED);
		}
		catch (ProblemException refused) {
			return outcome(store.find(code).orElseThrow(), request);
		}
	}

	private static BookingLink.Outcome outcome(Booking booking, BookingLink.Request request) {
		return outcome(booking, request, booking.status());
	}

	private static BookingLink.Outcome outcome(Booking booking, BookingLink.Request request, BookingStatus status) {
		return new BookingLink.Outcome(request.code(), booking.queue(), booking.day(), booking.slot(), status.name(),
				null, List.of());
	}

	private static BookingLink.Outcome refused(BookingLink.Request request, String problem, List<Slot> offers) {
		return new BookingLink.Outcome(request.code(), request.queue(), request.day(), request.time(), "REFUSED",
				problem, offers);
	}

	/**
	 * Every slot of every bookable queue on the open days of the window, with the places
	 * free now: what the public site of a split installation offers until the next push.
	 */
	public List<BookingLink.DaySlots> openSlots() {
		List<BookingLink.DaySlots> all = new ArrayList<>();
		List<BookingDay> days = days();
		for (BookableQueue queue : queues()) {
			for (BookingDay day : days) {
				if (!day.closed()) {
					List<Slot> slots = slots(queue, day.day(), store.taken(queue.code(), day.day()));
					if (!slots.isEmpty()) {
						all.add(new BookingLink.DaySlots(queue.code(), day.day(), slots.get(0).start(),
								queue.slotMinutes(), queue.slotCapacity(), slots.stream().map(Slot::free).toList()));
					}
				}
			}
		}
		return all;
	}

	/** The names of a queue that takes (or took) bookings, for the pages. */
	public Optional<BookableQueue> bookable(String code) {
		return receptions.bookableQueue(code);
	}

}
