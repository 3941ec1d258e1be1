/** Bookings, their codes, slots and rules; the no-show release. */
@NullMarked
package jp.madoguchi.booking.domain;

import org.jspecify.annotations.NullMarked;
