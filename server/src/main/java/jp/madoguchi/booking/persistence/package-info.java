/** Booking table (schema {@code booking}) through JDBC. */
@NullMarked
package jp.madoguchi.booking.persistence;

import org.jspecify.annotations.NullMarked;
