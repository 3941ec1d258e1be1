package jp.madoguchi.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The bookings (schema {@code booking}). */
public interface BookingStore {

	/**
	 * Serialises bookings of one slot until the transaction ends, so two residents taking
	 * its last place cannot both get it.
	 */
	void lockSlot(String queue, LocalDate day, LocalTime slot);

	/** Places taken (booked or checked in) per slot start of a queue's day. */
	Map<LocalTime, Integer> taken(String queue, LocalDate day);

	/** Adds a booking; false when its code is already used (then draw another). */
	boolean add(Booking booking);

	Optional<Booking> find(String code);

	/** The booking, its row locked until the transaction ends. */
	Optional<Booking> findForUpdate(String code);

	/** Ends an open booking; the name is erased. */
	void end(UUID id, BookingStatus status, Instant at);

	/** Records the ticket a booking became; the name is erased (the reception has it). */
	void checkedIn(UUID id, UUID receptionId, int ticketNumber, Instant at);

	/**
	 * Releases every booking still open whose slot started before {@code startedBefore}
	 * as a no-show; answers how many.
	 */
	int releaseNoShows(Instant startedBefore, Instant at);

}
