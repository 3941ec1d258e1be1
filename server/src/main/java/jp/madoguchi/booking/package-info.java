/**
 * Visits booked (来庁予約, issue 23): residents book a slot of a queue on the public site and
 * get a short code; at arrival staff or the kiosk turn the code into a ticket that waits
 * from the slot's start; bookings not checked in within the grace period are released as
 * no-shows. Slot length and capacity come from the queue master (reception), closed days
 * from the admin module's {@link jp.madoguchi.text.ClosedDays}. In a split installation
 * the public process takes requests in its own store and the counter pulls, decides and
 * pushes the outcomes over the signed booking link; names are sealed to a counter key.
 * Ended bookings are purged by the retention job. See docs/bookings.md.
 */
@ApplicationModule(displayName = "Bookings")
@NullMarked
package jp.madoguchi.booking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
