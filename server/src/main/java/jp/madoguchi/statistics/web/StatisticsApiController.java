package jp.madoguchi.statistics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.statistics.domain.NotificationStatistics;
import jp.madoguchi.statistics.domain.NotificationStatistics.Group;
import jp.madoguchi.statistics.domain.NotificationStatistics.GroupBy;
import jp.madoguchi.statistics.domain.ReceptionStatistics;
import jp.madoguchi.statistics.export.Exports;
import jp.madoguchi.statistics.export.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/design/http-api.md "Statistics": JSON for the dashboard, CSV and xlsx for Excel.
 * Exports are audited (they leave the system), though they hold counts only.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@PreAuthorize("hasAuthority('STATISTICS_VIEW')")
class StatisticsApiController {

	static final List<String> HEADERS = List.of("group", "label", "notifications", "accepted",
			"averageMinutesToAccept");

	static final List<String> RECEPTION_HEADERS = List.of("group", "label", "receptions", "averageWaitMinutes",
			"medianWaitMinutes", "p90WaitMinutes", "averageServiceMinutes", "medianServiceMinutes", "p90ServiceMinutes",
			"prefilingPercent", "cardPercent");

	private final NotificationStatistics statistics;

	private final ReceptionStatistics receptionStatistics;

	private final AuditTrail audit;

	StatisticsApiController(NotificationStatistics statistics, ReceptionStatistics receptionStatistics,
			AuditTrail audit) {
		this.statistics = statistics;
		this.receptionStatistics = receptionStatistics;
		this.audit = audit;
	}

	record ReceptionReport(LocalDate from, LocalDate to, String groupBy, long total,
			List<ReceptionStatistics.Group> groups) {
	}

	/**
	 * Receptions for the dashboard. The total counts receptions once, whatever the
	 * grouping (by queue one reception may count in several rows).
	 */
	@GetMapping("/receptions")
	ReceptionReport receptions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "day") String groupBy, Locale locale) {
		List<ReceptionStatistics.Group> groups = receptionStatistics.receptions(from, to,
				ReceptionStatistics.GroupBy.parse(groupBy), locale);
		long total = receptionStatistics.receptions(from, to, ReceptionStatistics.GroupBy.DAY, locale)
			.stream()
			.mapToLong(ReceptionStatistics.Group::receptions)
			.sum();
		return new ReceptionReport(from, to, groupBy.toLowerCase(Locale.ROOT), total, groups);
	}

	/**
	 * docs/design/http-api.md: receptions.csv (UTF-8 with BOM, CRLF) and receptions.xlsx,
	 * the same rows.
	 */
	@GetMapping({ "/receptions.csv", "/receptions.xlsx" })
	void receptionsExport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "day") String groupBy, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		List<ReceptionStatistics.Group> groups = receptionStatistics.receptions(from, to,
				ReceptionStatistics.GroupBy.parse(groupBy), Locale.JAPANESE);
		List<List<Object>> rows = new ArrayList<>();
		for (ReceptionStatistics.Group group : groups) {
			rows.add(cells(group.key(), group.label(), group.receptions(), group.averageWaitMinutes(),
					group.medianWaitMinutes(), group.p90WaitMinutes(), group.averageServiceMinutes(),
					group.medianServiceMinutes(), group.p90ServiceMinutes(), group.prefilingPercent(),
					group.cardPercent()));
		}
		export("receptions", new Table("receptions", RECEPTION_HEADERS, rows), from, to, groupBy, request, response);
	}

	/** A row of cells; a missing figure stays an empty cell. */
	private static List<Object> cells(@Nullable Object... values) {
		List<Object> row = new ArrayList<>();
		for (Object value : values) {
			row.add(value);
		}
		return row;
	}

	record NotificationReport(LocalDate from, LocalDate to, String groupBy, long total, List<Group> groups) {
	}

	@GetMapping("/notifications")
	NotificationReport notifications(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "day") String groupBy, Locale locale) {
		List<Group> groups = statistics.notifications(from, to, GroupBy.parse(groupBy), locale);
		return new NotificationReport(from, to, groupBy.toLowerCase(Locale.ROOT),
				groups.stream().mapToLong(Group::notifications).sum(), groups);
	}

	/** The same figures as CSV or xlsx, by the extension asked for. */
	@GetMapping({ "/notifications.csv", "/notifications.xlsx" })
	void notificationsExport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "day") String groupBy, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		export("notifications", table(from, to, groupBy), from, to, groupBy, request, response);
	}

	private void export(String what, Table table, LocalDate from, LocalDate to, String groupBy,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean xlsx = request.getRequestURI().endsWith(".xlsx");
		audit.record(AuditEntry.success("STATISTICS_EXPORTED", "statistics:" + what,
				"from=" + from + " to=" + to + " groupBy=" + groupBy));
		try (OutputStream out = attachment(response, xlsx ? Exports.XLSX_TYPE : Exports.CSV_TYPE,
				what + "-" + from + "-" + to + "-" + groupBy.toLowerCase(Locale.ROOT) + (xlsx ? ".xlsx" : ".csv"))) {
			if (xlsx) {
				Exports.xlsx(table, out);
			}
			else {
				Exports.csv(table, out);
			}
		}
	}

	private Table table(LocalDate from, LocalDate to, String groupBy) {
		// exports are read by people in the office: Japanese labels whatever the browser
		// says
		List<Group> groups = statistics.notifications(from, to, GroupBy.parse(groupBy), Locale.JAPANESE);
		List<List<Object>> rows = new ArrayList<>();
		for (Group group : groups) {
			List<Object> row = new ArrayList<>();
			row.add(group.key());
			row.add(group.label());
			row.add(group.notifications());
			row.add(group.accepted());
			row.add(group.averageMinutesToAccept());
			rows.add(row);
		}
		return new Table("notifications", HEADERS, rows);
	}

	private static OutputStream attachment(HttpServletResponse response, String type, String filename)
			throws IOException {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		return response.getOutputStream();
	}

}
