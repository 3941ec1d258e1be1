package jp.madoguchi.queuestatus.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The reference on a ticket's QR code: {@code <yyyyMMdd>-<ticket number>-<queue>-<tag>},
 * the tag a MAC of day, number and queue of issue under the link key (numbers run per
 * queue, so the number alone is not a ticket). It names no one (numbers are handed out
 * anew every day), cannot be made up for another number, and expires with its day.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class TicketReferences {

	static final String PURPOSE = "ticket-reference";

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	/**
	 * Day, number, queue of issue, tag; the tag has a fixed length, so a queue code may
	 * hold '-'.
	 */
	private static final Pattern FORMAT = Pattern
		.compile("(\\d{8})-(\\d{1,6})-([a-z0-9][a-z0-9_-]{0,31})-([A-Za-z0-9_-]{22})");

	private final StatusLink link;

	private final Clock clock;

	TicketReferences(StatusLink link, Clock clock) {
		this.link = link;
		this.clock = clock;
	}

	/**
	 * A ticket's day, number and queue of issue, read from a genuine reference of today.
	 */
	public record TicketReference(LocalDate day, int ticketNumber, String originQueue) {
	}

	public String reference(LocalDate day, int ticketNumber, String originQueue) {
		return DAY.format(day) + "-" + ticketNumber + "-" + originQueue + "-"
				+ link.signer().tag(PURPOSE, message(day, ticketNumber, originQueue));
	}

	/**
	 * The ticket, when {@code reference} is one we made and its day is today; empty for
	 * anything forged, altered or of another day.
	 */
	public Optional<TicketReference> read(@Nullable String reference) {
		if (reference == null || reference.length() > 80) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(reference);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			LocalDate day = LocalDate.parse(matcher.group(1), DAY);
			int number = Integer.parseInt(matcher.group(2));
			String origin = matcher.group(3);
			if (!link.signer().tagMatches(PURPOSE, message(day, number, origin), matcher.group(4))) {
				return Optional.empty();
			}
			if (!day.equals(LocalDate.now(clock))) {
				return Optional.empty();
			}
			return Optional.of(new TicketReference(day, number, origin));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Whether a reference carries a genuine tag but is of another day (expired). */
	public boolean expired(@Nullable String reference) {
		if (reference == null) {
			return false;
		}
		Matcher matcher = FORMAT.matcher(reference);
		if (!matcher.matches()) {
			return false;
		}
		try {
			LocalDate day = LocalDate.parse(matcher.group(1), DAY);
			int number = Integer.parseInt(matcher.group(2));
			return link.signer().tagMatches(PURPOSE, message(day, number, matcher.group(3)), matcher.group(4))
					&& !day.equals(LocalDate.now(clock));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return false;
		}
	}

	private static String message(LocalDate day, int ticketNumber, String originQueue) {
		return day + "|" + ticketNumber + "|" + originQueue;
	}

}
