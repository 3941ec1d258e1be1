package jp.madoguchi.booking.domain;

/** Where a booking stands; only {@link #BOOKED} can still change. */
public enum BookingStatus {

	/** Taken, not yet used. */
	BOOKED,
	/** Cancelled by the resident with the code. */
	CANCELLED,
	/** Turned into a ticket at arrival. */
	CHECKED_IN,
	/** Not checked in within the grace period after the slot's start; released. */
	NO_SHOW

}
