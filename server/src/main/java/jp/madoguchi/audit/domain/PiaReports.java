package jp.madoguchi.audit.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.domain.PiaReport.Entry;
import jp.madoguchi.audit.domain.PiaReport.Section;
import jp.madoguchi.text.ClosedDays;
import jp.madoguchi.text.CounterHours;
import jp.madoguchi.text.OpeningHours;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Builds the {@link PiaReport} in one pass over the period's audit events, oldest first,
 * read from the database a page at a time: the memory needed depends on the number of
 * users and addresses and on {@link PiaSettings#maxEntries}, never on the length of the
 * period.
 */
@Service
@EnableConfigurationProperties(PiaSettings.class)
public class PiaReports {

	public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	/** Event ids kept per entry; the entry's link finds all of them. */
	public static final int IDS_PER_ENTRY = 100;

	/**
	 * Reads of personal data: after hours and in bulk these are what the report shows.
	 */
	static final Set<String> READS = Set.of("NOTIFICATION_VIEWED", "MY_NUMBER_VIEWED", "NOTIFICATION_SEARCHED",
			"RESIDENT_RECORD_LOOKUP", "RECEPTION_VIEWED", "RECEPTION_SEARCHED", "RECORD_DIFFERENCES_SHOWN");

	static final Set<String> ACCOUNT_CHANGES = Set.of("USER_CREATED", "USER_UPDATED", "USER_PASSWORD_RESET",
			"USER_UNLOCKED", "GROUP_CREATED", "GROUP_UPDATED", "API_TOKEN_CREATED", "API_TOKEN_REVOKED",
			"FIRST_ADMIN_CREATED");

	/**
	 * Personal data leaving the system or the trail changed as a whole: audit CSVs,
	 * statistics downloads, PIA reports, purges of the trail, and backups and restores
	 * (written by the backup command, {@code admin.backup.BackupCommand}, failures
	 * included).
	 */
	static final Set<String> EXPORTS = Set.of("AUDIT_EXPORTED", "STATISTICS_EXPORTED", PiaReports.GENERATED,
			"AUDIT_PURGED", "BACKUP_CREATED", "BACKUP_RESTORED");

	public static final String GENERATED = "PIA_REPORT_GENERATED";

	/** Events of one reading closer together than this are one after-hours entry. */
	private static final long SAME_VISIT_SECONDS = 60;

	private final jp.madoguchi.audit.domain.AuditEventRepository events;

	private final PiaSettings settings;

	private final ObjectProvider<ClosedDays> closedDays;

	private final ObjectProvider<OpeningHours> openingHours;

	private final AuditTrail trail;

	private final Clock clock;

	PiaReports(AuditEventRepository events, PiaSettings settings, ObjectProvider<ClosedDays> closedDays,
			ObjectProvider<OpeningHours> openingHours, AuditTrail trail, ObjectProvider<Clock> clock) {
		this.events = events;
		this.settings = settings;
		this.closedDays = closedDays;
		this.openingHours = openingHours;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public PiaSettings settings() {
		return settings;
	}

	/** The previous calendar month (Tokyo), the default period. */
	public LocalDate[] lastMonth() {
		LocalDate first = LocalDate.now(clock.withZone(ZONE)).withDayOfMonth(1).minusMonths(1);
		return new LocalDate[] { first, first.plusMonths(1).minusDays(1) };
	}

	/**
	 * The report of whole days {@code from}–{@code to} (inclusive), recorded in the audit
	 * trail as {@value #GENERATED} with the period and the format.
	 */
	public PiaReport generate(LocalDate from, LocalDate to, String format, @Nullable String actor) {
		Instant start = from.atStartOfDay(ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
		PiaReport report = build(from, to, start, end, actor);
		AuditEntry entry = AuditEntry.success(GENERATED, "pia-report:" + from + "/" + to,
				"format=" + format + " events=" + report.eventsRead());
		trail.record((actor != null) ? entry.by(actor) : entry);
		return report;
	}

	/**
	 * The suspicious patterns of the last {@link PiaSettings#alertWindow}; not audited.
	 */
	public PiaReport recent() {
		Instant end = clock.instant();
		Instant start = end.minus(settings.alertWindow());
		return build(LocalDate.ofInstant(start, ZONE), LocalDate.ofInstant(end, ZONE), start, end, null);
	}

	private PiaReport build(LocalDate from, LocalDate to, Instant start, Instant end, @Nullable String actor) {
		ClosedDays closed = closedDays.getIfAvailable(ClosedDays::standard);
		// read once per report: the master's hours as they are now
		CounterHours hours = openingHours.getIfAvailable(OpeningHours::standard).hours();
		Grouped myNumberViews = new Grouped("MY_NUMBER_VIEWS");
		Listed afterHours = new Listed("AFTER_HOURS");
		Bursts bulkReads = new Bursts("BULK_READS", settings.bulkReads(), settings.bulkWindow().toSeconds(), true);
		Bursts signInBursts = new Bursts("SIGN_IN_BURSTS", settings.failedSignIns(),
				settings.failedSignInWindow().toSeconds(), false);
		Grouped failedSignIns = new Grouped("FAILED_SIGN_INS");
		Listed accountChanges = new Listed("ACCOUNT_CHANGES");
		Listed exports = new Listed("EXPORTS");
		Map<LocalDate, Optional<CounterHours.Span>> hoursCache = new HashMap<>();
		long read = events.forEachBetween(start, end, (event) -> {
			String action = event.action();
			boolean success = event.outcome() == AuditOutcome.SUCCESS;
			if (READS.contains(action) && success && event.actor() != null) {
				if ("MY_NUMBER_VIEWED".equals(action)) {
					myNumberViews.add(event.actor() + "\u0000", event, event.actor(), null, action);
				}
				ZonedDateTime local = event.occurredAt().atZone(ZONE);
				Optional<CounterHours.Span> open = hoursCache.computeIfAbsent(local.toLocalDate(),
						(day) -> closed.hoursOn(day, hours));
				if (open.isEmpty() || !open.get().contains(local.toLocalTime())) {
					afterHours.addVisit(event);
				}
				bulkReads.add(event.actor(), event);
			}
			else if ("LOGIN".equals(action) && event.outcome() == AuditOutcome.FAILURE
					|| "LOGIN_THROTTLED".equals(action)) {
				failedSignIns.add(event.actor() + "\u0000" + event.ip(), event, event.actor(), event.ip(), null);
				signInBursts.add(String.valueOf(event.ip()), event);
			}
			else if (ACCOUNT_CHANGES.contains(action)) {
				accountChanges.add(event);
			}
			else if (EXPORTS.contains(action)) {
				exports.add(event);
			}
		});
		return new PiaReport(from, to, clock.instant(), actor, settings, hours, read, myNumberViews.section(),
				afterHours.section(), bulkReads.section(), signInBursts.section(), failedSignIns.section(),
				accountChanges.section(), exports.section());
	}

	/** The audit search page listing these events. */
	static String link(@Nullable String actor, @Nullable String action, @Nullable String subject, Instant first,
			Instant last) {
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		StringBuilder link = new StringBuilder("/audit?");
		if (actor != null) {
			link.append("user=").append(encode(actor)).append('&');
		}
		if (action != null) {
			link.append("action=").append(encode(action)).append('&');
		}
		if (subject != null) {
			link.append("subject=").append(encode(subject)).append('&');
		}
		link.append("from=").append(encode(iso.format(first.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE))));
		link.append("&to=")
			.append(encode(iso.format(last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(ZONE))));
		return link.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** An entry being built. */
	private static final class Builder {

		final @Nullable String actor;

		final @Nullable String ip;

		@Nullable String action;

		final @Nullable String subject;

		final Instant first;

		Instant last;

		long count;

		final List<Long> ids = new ArrayList<>();

		@Nullable AuditOutcome outcome;

		@Nullable String detail;

		Builder(AuditEvent event, @Nullable String actor, @Nullable String ip, @Nullable String action,
				@Nullable String subject) {
			this.actor = actor;
			this.ip = ip;
			this.action = action;
			this.subject = subject;
			this.first = event.occurredAt();
			this.last = event.occurredAt();
		}

		void add(AuditEvent event) {
			last = event.occurredAt();
			count++;
			if (ids.size() < IDS_PER_ENTRY) {
				ids.add(event.id());
			}
			if (action != null && !action.equals(event.action())) {
				action = null;
			}
		}

		Entry entry() {
			return new Entry(actor, ip, action, subject, first, last, count, List.copyOf(ids),
					link(actor, action, subject, first, last), outcome, detail);
		}

	}

	/** One entry per event (or per visit), the first {@code maxEntries} kept. */
	private final class Listed {

		private final String code;

		private final List<Entry> entries = new ArrayList<>();

		private @Nullable Builder open;

		private long total;

		Listed(String code) {
			this.code = code;
		}

		void add(AuditEvent event) {
			Builder one = new Builder(event, event.actor(), event.ip(), event.action(), event.subject());
			one.add(event);
			one.outcome = event.outcome();
			one.detail = event.detail();
			keep(one);
		}

		/** Events of one user on one record within a minute are one visit. */
		void addVisit(AuditEvent event) {
			Builder current = open;
			if (current != null && Objects.equals(current.actor, event.actor())
					&& Objects.equals(current.subject, event.subject())
					&& event.occurredAt().getEpochSecond() - current.last.getEpochSecond() <= SAME_VISIT_SECONDS) {
				current.add(event);
				return;
			}
			closeVisit();
			current = new Builder(event, event.actor(), event.ip(), event.action(), event.subject());
			current.add(event);
			open = current;
		}

		private void closeVisit() {
			if (open != null) {
				keep(open);
				open = null;
			}
		}

		private void keep(Builder builder) {
			total++;
			if (entries.size() < settings.maxEntries()) {
				entries.add(builder.entry());
			}
		}

		Section section() {
			closeVisit();
			return new Section(code, List.copyOf(entries), total);
		}

	}

	/** Events counted per key (user, or user and address). */
	private final class Grouped {

		private final String code;

		private final Map<String, Builder> groups = new LinkedHashMap<>();

		private long overflow;

		Grouped(String code) {
			this.code = code;
		}

		void add(String key, AuditEvent event, @Nullable String actor, @Nullable String ip, @Nullable String action) {
			Builder group = groups.get(key);
			if (group == null) {
				if (groups.size() >= settings.maxEntries()) {
					overflow++;
					return;
				}
				group = new Builder(event, actor, ip, action, null);
				groups.put(key, group);
			}
			group.add(event);
		}

		Section section() {
			List<Entry> entries = groups.values()
				.stream()
				.map(Builder::entry)
				.sorted(Comparator.comparingLong(Entry::count).reversed())
				.toList();
			return new Section(code, entries, entries.size() + overflow);
		}

	}

	/**
	 * At least {@code threshold} events of one key within {@code windowSeconds}: each key
	 * keeps the times of its last {@code threshold} events only.
	 */
	private final class Bursts {

		private final String code;

		private final int threshold;

		private final long windowSeconds;

		private final boolean byActor;

		private final Map<String, Deque<AuditEvent>> recent = new HashMap<>();

		private final Map<String, Builder> open = new HashMap<>();

		private final Listed closed;

		Bursts(String code, int threshold, long windowSeconds, boolean byActor) {
			this.code = code;
			this.threshold = Math.max(1, threshold);
			this.windowSeconds = windowSeconds;
			this.byActor = byActor;
			this.closed = new Listed(code);
		}

		void add(String key, AuditEvent event) {
			Builder burst = open.get(key);
			if (burst != null && event.occurredAt().getEpochSecond() - burst.last.getEpochSecond() <= windowSeconds) {
				burst.add(event);
				return;
			}
			if (burst != null) {
				closed.keep(burst);
				open.remove(key);
			}
			Deque<AuditEvent> times = recent.computeIfAbsent(key, (k) -> new ArrayDeque<>(threshold));
			times.addLast(event);
			if (times.size() > threshold) {
				times.removeFirst();
			}
			AuditEvent oldest = times.getFirst();
			if (times.size() == threshold
					&& event.occurredAt().getEpochSecond() - oldest.occurredAt().getEpochSecond() <= windowSeconds) {
				Builder started = new Builder(oldest, byActor ? event.actor() : null, byActor ? null : event.ip(),
						byActor ? null : event.action(), null);
				for (AuditEvent each : times) {
					started.add(each);
				}
				open.put(key, started);
				times.clear();
			}
		}

		Section section() {
			open.values().stream().sorted(Comparator.comparing(b -> b.first)).forEach(closed::keep);
			open.clear();
			Section section = closed.section();
			return new Section(code, section.entries(), section.total());
		}

	}

}
