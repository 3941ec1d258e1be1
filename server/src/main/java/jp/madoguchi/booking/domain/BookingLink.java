package jp.madoguchi.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.reception.BookableQueue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking link between a counter and a public process (docs/bookings.md, "Two
 * processes"). Both directions are connections the counter opens: it pulls the requests
 * the public site took ({@link Requests}, the answer to a signed GET of {@link #PATH})
 * and pushes the outcomes and the free places ({@link Push}, a signed POST to the same
 * path). Signed with the queue-status link's key ({@value #KEY_FILE}, one file for the
 * operator to copy), whose signatures cover the path, so a status push can never pass for
 * a booking push. Both ends read strictly: an unknown field refuses the message.
 */
public final class BookingLink {

	/** The key shared with the queue-status link (the same file the operator copies). */
	public static final String KEY_FILE = "queue-status-link.key";

	public static final String PATH = "/public/api/v1/link/bookings";

	/** The "method" the public site signs its answer to a pull with. */
	public static final String ANSWER = "ANSWER";

	public static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private BookingLink() {
	}

	/** What a resident asked for on the public site. */
	public enum Kind {

		BOOK, CANCEL

	}

	/**
	 * One request as the public site keeps it until the counter has taken it.
	 *
	 * @param sequence grows with every request the public site takes
	 * @param sealedName the optional name, encrypted to the counter's booking name key
	 * ({@link NameSeal}); the public site cannot read it
	 */
	public record Request(long sequence, Kind kind, String code, String queue, LocalDate day, LocalTime time,
			@Nullable String sealedName) {
	}

	/**
	 * The answer to a pull: the requests after the sequence asked for.
	 *
	 * @param nonce the pull's own nonce, so an answer cannot be replayed to another pull
	 */
	public record Requests(String nonce, List<Request> requests) {

		public Requests {
			requests = List.copyOf(requests);
		}

	}

	/**
	 * What the counter decided about one request. {@code state}: {@code BOOKED},
	 * {@code CANCELLED}, {@code CHECKED_IN}, {@code NO_SHOW} (the booking's state now) or
	 * {@code REFUSED} (never booked; {@code problem} says why, {@code offers} are free
	 * slots for a full one).
	 */
	public record Outcome(String code, String queue, LocalDate day, LocalTime time, String state,
			@Nullable String problem, List<Slot> offers) {

		public Outcome {
			offers = List.copyOf(offers);
		}

	}

	/**
	 * The slots of a queue's day, compact (the public site takes 64 KB a request): they
	 * start at {@code first} and follow each other every {@code minutes}; {@code free}
	 * holds the places the counter counts free in each.
	 */
	public record DaySlots(String queue, LocalDate day, LocalTime first, int minutes, int capacity,
			List<Integer> free) {

		public DaySlots {
			free = List.copyOf(free);
		}

		/** The slots, {@code past} left false (the receiver decides it by its clock). */
		public List<Slot> slots() {
			List<Slot> slots = new ArrayList<>();
			for (int i = 0; i < free.size(); i++) {
				LocalTime start = first.plusMinutes((long) i * minutes);
				slots.add(new Slot(day, start, start.plusMinutes(minutes), capacity, free.get(i), false));
			}
			return slots;
		}

	}

	/**
	 * The counter's push after each pull: the outcomes, everything the public pages need
	 * to offer slots (queues, days, free places as the counter counts them now) and the
	 * key names are sealed to.
	 *
	 * @param through the highest request sequence the counter has decided: the public
	 * site deletes those requests
	 * @param nameKey the counter's booking name key (X.509, Base64), null when none
	 * @param graceMinutes how late after its slot's start a booking is still checked in
	 */
	public record Push(String nonce, Instant publishedAt, long through, @Nullable String nameKey, int graceMinutes,
			List<BookableQueue> queues, List<BookingDay> days, List<DaySlots> slots, List<Outcome> outcomes) {

		public Push {
			queues = List.copyOf(queues);
			days = List.copyOf(days);
			slots = List.copyOf(slots);
			outcomes = List.copyOf(outcomes);
		}

	}

}
