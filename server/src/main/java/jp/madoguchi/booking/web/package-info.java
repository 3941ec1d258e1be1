/** The public booking pages and API, the staff check-in page and API. */
@NullMarked
package jp.madoguchi.booking.web;

import org.jspecify.annotations.NullMarked;
