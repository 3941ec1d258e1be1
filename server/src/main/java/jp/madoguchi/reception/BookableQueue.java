package jp.madoguchi.reception;

/**
 * An active queue that takes bookings (its slot capacity is above 0): what the booking
 * pages need of the queue master, nothing personal.
 *
 * @param code the queue
 * @param name Japanese name
 * @param nameEn English name
 * @param slotMinutes length of one booking slot
 * @param slotCapacity visits one slot takes
 */
public record BookableQueue(String code, String name, String nameEn, int slotMinutes, int slotCapacity) {
}
