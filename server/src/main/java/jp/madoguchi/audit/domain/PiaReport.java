package jp.madoguchi.audit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.text.CounterHours;
import org.jspecify.annotations.Nullable;

/**
 * The privacy impact assessment report (PIA 報告) of a period: who saw My Numbers, personal
 * data read outside counter hours, bulk reads, failed sign-ins, changes of accounts and
 * permissions, exports and backups. Every entry names the audit events it stands for.
 * Users are named as the audit trail recorded them, so a user deleted since is still
 * named.
 *
 * @param from first day, inclusive (Asia/Tokyo)
 * @param to last day, inclusive
 * @param hours the counter's opening hours the report counted with (the master's, when it
 * was made)
 * @param eventsRead audit events of the period looked at
 */
public record PiaReport(LocalDate from, LocalDate to, Instant generatedAt, @Nullable String generatedBy,
		PiaSettings settings, CounterHours hours, long eventsRead, Section myNumberViews, Section afterHours,
		Section bulkReads, Section signInBursts, Section failedSignIns, Section accountChanges, Section exports) {

	/** The sections in the order the page, the CSV and the PDF show them. */
	public List<Section> sections() {
		return List.of(myNumberViews, afterHours, bulkReads, signInBursts, failedSignIns, accountChanges, exports);
	}

	/** The suspicious patterns the alerts show. */
	public List<Section> suspicious() {
		return List.of(afterHours, bulkReads, signInBursts);
	}

	/**
	 * @param code stable code ({@code MY_NUMBER_VIEWS}, {@code AFTER_HOURS}, ...)
	 * @param entries at most {@code maxEntries}
	 * @param total entries found, also those left out
	 */
	public record Section(String code, List<Entry> entries, long total) {

		public boolean truncated() {
			return total > entries.size();
		}

	}

	/**
	 * @param actor the user as the audit trail names them
	 * @param ip the client address, where the entry is about one
	 * @param action the audit action, when the entry is about one
	 * @param subject the record concerned, when the entry is about one
	 * @param first the first event's time
	 * @param last the last event's time
	 * @param count how many events
	 * @param eventIds the events' ids (at most {@link PiaReports#IDS_PER_ENTRY}, the
	 * first ones)
	 * @param link the audit search that lists the events
	 * @param outcome the result, when the entry is one event (changes, exports, backups)
	 * @param detail the event's detail, when the entry is one event (a backup's file
	 * name, size and counts; an export's format)
	 */
	public record Entry(@Nullable String actor, @Nullable String ip, @Nullable String action, @Nullable String subject,
			Instant first, Instant last, long count, List<Long> eventIds, String link, @Nullable AuditOutcome outcome,
			@Nullable String detail) {

	}

}
