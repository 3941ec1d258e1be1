package jp.madoguchi.reception;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests set and move, in Asia/Tokyo like the application's. */
final class MutableClock extends Clock {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private volatile Instant now = Instant.now();

	void set(LocalDateTime tokyoTime) {
		now = tokyoTime.atZone(TOKYO).toInstant();
	}

	void advance(Duration duration) {
		now = now.plus(duration);
	}

	void reset() {
		now = Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return TOKYO;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

}
