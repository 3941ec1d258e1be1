package jp.madoguchi.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests set and move, in Asia/Tokyo like the application's. */
public final class MutableClock extends Clock {

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private volatile Instant now = Instant.now();

	public void set(LocalDateTime tokyoTime) {
		now = tokyoTime.atZone(TOKYO).toInstant();
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	public void reset() {
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
