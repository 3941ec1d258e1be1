package jp.madoguchi.booking.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/**
 * Checking a booking in is reception work (the board's staff, the kiosk's API token). The
 * public booking pages live under {@code /public/**}, the public site's own chain.
 */
@Component
class BookingAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/bookings/**", "/api/v1/bookings/**").hasAuthority("RECEPTION"));
	}

}
