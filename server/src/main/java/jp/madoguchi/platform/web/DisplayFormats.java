package jp.madoguchi.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * How times look on screens, for templates as {@code ${@display.dateTime(instant)}}:
 * Japan time, to the minute.
 */
@Component("display")
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class DisplayFormats {

	public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(JAPAN);

	public String dateTime(@Nullable Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "—";
	}

}
