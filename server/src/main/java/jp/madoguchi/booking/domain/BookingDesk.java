package jp.madoguchi.booking.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.reception.BookableQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The public site's booking store in a split installation ({@code public} process, no
 * database): the requests residents made (code, queue, slot, the name sealed to the
 * counter's key, nothing else) until the counter has pulled and decided them, the
 * outcomes (kept under a MAC of the code, not the code, until the booking's day has
 * passed), and the queues, days and free places of the counter's last push. One file,
 * {@code <data-dir>/booking/}{@value #FILE}, owner-only, rewritten whole on every change.
 * <p>
 * A request is answered at once with its code and the state {@link State#PENDING}: the
 * resident is never told a place is certain before the counter has booked it.
 */
@Component
@ServedBy(Role.PUBLIC)
@ConditionalOnProperty(name = "madoguchi.role", havingValue = "public")
public class BookingDesk {

	private static final Logger log = LoggerFactory.getLogger(BookingDesk.class);

	static final String FILE = "booking-desk.json";

	static final String CODE_TAG = "booking-code";

	/**
	 * More pending requests than this are refused (the counter has not pulled for long).
	 */
	static final int MAX_PENDING = 5_000;

	/** What the resident is told a booking is. */
	public enum State {

		/** Taken by the public site, not yet decided by the counter (受付中). */
		PENDING,
		/** Booked by the counter: the place is the resident's. */
		BOOKED,
		/** Not booked ({@code problem} says why; {@code offers} for a full slot). */
		REFUSED,
		/** A cancellation taken, not yet done by the counter. */
		CANCELLING, CANCELLED, CHECKED_IN, NO_SHOW

	}

	/** A booking as the public pages show it: never a name. */
	public record Entry(String code, String queue, LocalDate day, LocalTime time, State state, @Nullable String problem,
			List<Slot> offers) {
	}

	/** The answer to a pull and the signature over it. */
	public record Answer(byte[] body, String signature) {
	}

	record Held(String tag, String queue, LocalDate day, LocalTime time, String state, @Nullable String problem,
			List<Slot> offers) {
	}

	record Stored(long sequence, List<BookingLink.Request> pending, List<Held> outcomes,
			BookingLink.@Nullable Push calendar) {

		Stored {
			pending = List.copyOf(pending);
			outcomes = List.copyOf(outcomes);
		}

	}

	private final Path file;

	private final LinkSigner signer;

	private final Clock clock;

	private final LinkNonces nonces = new LinkNonces(LinkSigner.ALLOWED_SKEW.multipliedBy(2), 10_000);

	private Stored stored;

	@Autowired
	BookingDesk(MadoguchiProperties properties, Clock clock) {
		this(properties.dataDir(), linkSigner(properties.dataDir(), clock), clock);
	}

	/**
	 * A desk on {@code dataDir} (Spring uses the data directory and the link key file).
	 */
	public BookingDesk(Path dataDir, LinkSigner signer, Clock clock) {
		this.file = dataDir.resolve("booking").resolve(FILE);
		this.signer = signer;
		this.clock = clock;
		try {
			this.stored = Files.exists(file) ? BookingLink.STRICT.readValue(file.toFile(), Stored.class)
					: new Stored(0, List.of(), List.of(), null);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The booking store " + file + " cannot be read", ex);
		}
	}

	private static LinkSigner linkSigner(Path dataDir, Clock clock) {
		try {
			return LinkSigner.inKeyDirectory(dataDir.resolve("keys"), BookingLink.KEY_FILE, clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The link key in " + dataDir.resolve("keys") + " cannot be read", ex);
		}
	}

	// ---- the pages

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), BookingService.TOKYO);
	}

	/** The bookable queues of the last push; empty before the first. */
	public synchronized List<BookableQueue> queues() {
		return (stored.calendar() == null) ? List.of() : stored.calendar().queues();
	}

	/** The days of the last push from today on. */
	public synchronized List<BookingDay> days() {
		if (stored.calendar() == null) {
			return List.of();
		}
		LocalDate today = today();
		return stored.calendar().days().stream().filter(d -> !d.day().isBefore(today)).toList();
	}

	public synchronized int graceMinutes() {
		return (stored.calendar() == null) ? 15 : stored.calendar().graceMinutes();
	}

	/** Whether a name can be given: the counter's name key has arrived. */
	public synchronized boolean takesNames() {
		return stored.calendar() != null && stored.calendar().nameKey() != null;
	}

	public synchronized Optional<BookableQueue> queue(String code) {
		return queues().stream().filter(q -> q.code().equals(code)).findFirst();
	}

	/**
	 * A queue's slots of a day with the places free as the counter last counted them,
	 * less the requests not yet decided, and whether each has begun by this clock.
	 */
	public synchronized List<Slot> slots(String queueCode, LocalDate day) {
		BookableQueue queue = queue(queueCode).orElseThrow(() -> ProblemException.notFound("BOOKING_QUEUE_NOT_FOUND"));
		BookingDay known = days().stream()
			.filter(d -> d.day().equals(day))
			.findFirst()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BOOKING_DAY_OUT_OF_RANGE",
					Map.of("field", "day"), Math.max(0, days().size() - 1)));
		if (known.closed()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CLOSED_DAY", Map.of("field", "day"),
					day.toString());
		}
		return slotsWhere(s -> s.day().equals(day), queue.code());
	}

	private List<Slot> slotsWhere(Predicate<Slot> which, String queue) {
		Instant now = clock.instant();
		List<Slot> slots = new ArrayList<>();
		BookingLink.Push calendar = stored.calendar();
		if (calendar == null) {
			return slots;
		}
		for (BookingLink.DaySlots day : calendar.slots()) {
			if (!day.queue().equals(queue)) {
				continue;
			}
			for (Slot slot : day.slots()) {
				if (!which.test(slot)) {
					continue;
				}
				long waiting = stored.pending()
					.stream()
					.filter(r -> r.kind() == BookingLink.Kind.BOOK && r.queue().equals(queue)
							&& r.day().equals(slot.day()) && r.time().equals(slot.start()))
					.count();
				boolean past = !slot.day().atTime(slot.start()).atZone(BookingService.TOKYO).toInstant().isAfter(now);
				slots.add(new Slot(slot.day(), slot.start(), slot.end(), slot.capacity(),
						(int) Math.max(0, slot.free() - waiting), past));
			}
		}
		return slots;
	}

	/**
	 * Takes a booking request: checked against what the counter last said (queue, day,
	 * slot not begun, a place free), the name sealed to the counter's key, a new code.
	 * The answer is {@link State#PENDING}; the counter decides.
	 */
	public synchronized Entry request(NewBooking request) {
		List<Slot> slots = slots(request.queue(), request.day());
		Slot slot = slots.stream()
			.filter(s -> s.start().equals(request.slot()))
			.findFirst()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SLOT_NOT_FOUND",
					Map.of("field", "time")));
		if (slot.past()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SLOT_PAST", Map.of("field", "time"));
		}
		if (slot.free() <= 0) {
			throw new ProblemException(HttpStatus.CONFLICT, "SLOT_FULL",
					Map.of("offers", offers(request.queue(), request.day(), request.slot())));
		}
		String name = BookingService.validName(request.name());
		String sealed = null;
		if (name != null) {
			if (!takesNames()) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BOOKING_NAME_UNAVAILABLE",
						Map.of("field", "name"));
			}
			PublicKey key = NameSeal.publicKey(stored.calendar().nameKey());
			sealed = NameSeal.seal(name, key);
		}
		if (stored.pending().size() >= MAX_PENDING) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "BOOKING_LINK_DOWN");
		}
		String code = newCode();
		long sequence = stored.sequence() + 1;
		List<BookingLink.Request> pending = new ArrayList<>(stored.pending());
		pending.add(new BookingLink.Request(sequence, BookingLink.Kind.BOOK, code, request.queue(), request.day(),
				request.slot(), sealed));
		save(new Stored(sequence, pending, stored.outcomes(), stored.calendar()));
		return new Entry(code, request.queue(), request.day(), request.slot(), State.PENDING, null, List.of());
	}

	/** The next free slots after a full one, as the counter last counted them. */
	private List<Slot> offers(String queue, LocalDate day, LocalTime after) {
		return slotsWhere(s -> s.day().isAfter(day) || (s.day().equals(day) && s.start().isAfter(after)), queue)
			.stream()
			.filter(Slot::bookable)
			.limit(BookingService.OFFERS)
			.toList();
	}

	private String newCode() {
		for (int attempt = 0; attempt < 5; attempt++) {
			String code = BookingCodes.generate();
			String tag = signer.tag(CODE_TAG, code);
			if (stored.pending().stream().noneMatch(r -> r.code().equals(code))
					&& stored.outcomes().stream().noneMatch(h -> h.tag().equals(tag))) {
				return code;
			}
		}
		throw new IllegalStateException("No free booking code after 5 draws");
	}

	/** Where a booking stands, by its code as typed. */
	public synchronized Entry status(String typed) {
		String code = BookingCodes.normalize(typed).orElseThrow(() -> ProblemException.notFound("BOOKING_NOT_FOUND"));
		String tag = signer.tag(CODE_TAG, code);
		Optional<BookingLink.Request> book = pending(code, BookingLink.Kind.BOOK);
		Optional<BookingLink.Request> cancel = pending(code, BookingLink.Kind.CANCEL);
		Optional<Held> held = stored.outcomes().stream().filter(h -> h.tag().equals(tag)).findFirst();
		if (held.isEmpty() && book.isEmpty()) {
			throw ProblemException.notFound("BOOKING_NOT_FOUND");
		}
		if (cancel.isPresent()) {
			BookingLink.Request r = cancel.get();
			return new Entry(code, r.queue(), r.day(), r.time(), State.CANCELLING, null, List.of());
		}
		if (book.isPresent()) {
			BookingLink.Request r = book.get();
			return new Entry(code, r.queue(), r.day(), r.time(), State.PENDING, null, List.of());
		}
		Held h = held.get();
		return new Entry(code, h.queue(), h.day(), h.time(), State.valueOf(h.state()), h.problem(), h.offers());
	}

	private Optional<BookingLink.Request> pending(String code, BookingLink.Kind kind) {
		return stored.pending().stream().filter(r -> r.kind() == kind && r.code().equals(code)).findFirst();
	}

	/**
	 * Takes a cancellation: it goes to the counter like a booking, so the answer is
	 * {@link State#CANCELLING} until the counter has done it. Refused for a booking that
	 * is not (or no longer) open.
	 */
	public synchronized Entry cancel(String typed) {
		Entry entry = status(typed);
		switch (entry.state()) {
			case PENDING, BOOKED -> {
			}
			case CANCELLING -> {
				return entry;
			}
			case CANCELLED -> throw ProblemException.conflict("BOOKING_CANCELLED");
			case CHECKED_IN -> throw ProblemException.conflict("BOOKING_CHECKED_IN");
			case NO_SHOW -> throw new ProblemException(HttpStatus.GONE, "BOOKING_EXPIRED", graceMinutes());
			case REFUSED -> throw ProblemException.notFound("BOOKING_NOT_FOUND");
		}
		long sequence = stored.sequence() + 1;
		List<BookingLink.Request> pending = new ArrayList<>(stored.pending());
		pending.add(new BookingLink.Request(sequence, BookingLink.Kind.CANCEL, entry.code(), entry.queue(), entry.day(),
				entry.time(), null));
		save(new Stored(sequence, pending, stored.outcomes(), stored.calendar()));
		return new Entry(entry.code(), entry.queue(), entry.day(), entry.time(), State.CANCELLING, null, List.of());
	}

	// ---- the link

	/**
	 * A pull by the counter: refused (401 {@code LINK_SIGNATURE_INVALID}) unless signed
	 * with the link key over exactly this request within the allowed skew, and (409
	 * {@code LINK_REPLAYED}) when its nonce was seen. The answer holds the requests after
	 * {@code since} and is signed over this request's target, so the counter can tell it
	 * came from this site.
	 */
	public synchronized Answer pull(@Nullable String signature, String target, long since, String nonce) {
		if (signature == null || !signer.verify(signature, "GET", target, new byte[0])) {
			log.warn("Booking pull refused: the signature does not verify (key or clock differ)");
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "LINK_SIGNATURE_INVALID");
		}
		if (!nonces.firstTime(nonce, clock.instant())) {
			throw ProblemException.conflict("LINK_REPLAYED");
		}
		List<BookingLink.Request> after = stored.pending()
			.stream()
			.filter(r -> r.sequence() > since)
			.sorted(Comparator.comparingLong(BookingLink.Request::sequence))
			.toList();
		byte[] body = BookingLink.STRICT.writeValueAsBytes(new BookingLink.Requests(nonce, after));
		return new Answer(body, signer.sign(BookingLink.ANSWER, URI.create(target), body));
	}

	/**
	 * The counter's push: checked like a pull (signature over this request, a new nonce,
	 * published within the allowed skew), then the outcomes are kept under the codes'
	 * MACs, the decided requests (with their sealed names) are deleted, and the queues,
	 * days and free places replace the last ones.
	 */
	public synchronized void receive(@Nullable String signature, String target, byte[] body) {
		if (signature == null || !signer.verify(signature, "POST", target, body)) {
			log.warn("Booking push refused: the signature does not verify (key or clock differ)");
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "LINK_SIGNATURE_INVALID");
		}
		BookingLink.Push push;
		try {
			push = BookingLink.STRICT.readValue(body, BookingLink.Push.class);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw ProblemException.invalid("LINK_MESSAGE_INVALID");
		}
		if (!nonces.firstTime(push.nonce(), clock.instant())
				|| Duration.between(push.publishedAt(), clock.instant()).abs().compareTo(LinkSigner.ALLOWED_SKEW) > 0) {
			throw ProblemException.conflict("LINK_REPLAYED");
		}
		accept(push);
	}

	void accept(BookingLink.Push push) {
		LocalDate today = today();
		List<Held> outcomes = new ArrayList<>();
		for (Held held : stored.outcomes()) {
			if (!held.day().isBefore(today)) {
				outcomes.add(held);
			}
		}
		for (BookingLink.Outcome outcome : push.outcomes()) {
			String tag = signer.tag(CODE_TAG, BookingCodes.normalize(outcome.code()).orElse(outcome.code()));
			outcomes.removeIf(h -> h.tag().equals(tag));
			outcomes.add(new Held(tag, outcome.queue(), outcome.day(), outcome.time(), outcome.state(),
					outcome.problem(), outcome.offers()));
		}
		List<BookingLink.Request> pending = stored.pending()
			.stream()
			.filter(r -> r.sequence() > push.through())
			.toList();
		BookingLink.Push calendar = new BookingLink.Push("", push.publishedAt(), push.through(), push.nameKey(),
				push.graceMinutes(), push.queues(), push.days(), push.slots(), List.of());
		save(new Stored(stored.sequence(), pending, outcomes, calendar));
	}

	private void save(Stored next) {
		try {
			PrivateFiles.createDirectories(file.getParent());
			PrivateFiles.writeAtomically(file, BookingLink.STRICT.writeValueAsBytes(next));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The booking store " + file + " cannot be written", ex);
		}
		this.stored = next;
	}

}
