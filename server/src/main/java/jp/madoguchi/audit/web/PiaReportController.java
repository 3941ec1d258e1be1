package jp.madoguchi.audit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jp.madoguchi.audit.domain.PiaDocuments;
import jp.madoguchi.audit.domain.PiaReport;
import jp.madoguchi.audit.domain.PiaReports;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.logging.LogFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The PIA report (issue 22): {@code GET /api/v1/audit/reports/pia?from=&to=} as JSON,
 * {@code &format=csv} or {@code pdf}; the page {@code /audit/reports/pia}. Without dates,
 * the previous month. Every generation is audited ({@code PIA_REPORT_GENERATED}).
 */
@RestController
@PreAuthorize("hasAuthority('AUDIT_VIEW')")
class PiaReportController {

	private static final Logger exportLog = LoggerFactory.getLogger(LogFiles.AUDIT_EXPORT_LOGGER);

	/** Longest period of one request, in days: about ten years. */
	static final int MAX_DAYS = 3660;

	private final PiaReports reports;

	private final PiaDocuments documents;

	PiaReportController(PiaReports reports, PiaDocuments documents) {
		this.reports = reports;
		this.documents = documents;
	}

	@GetMapping("/audit/reports/pia")
	ModelAndView page(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Principal principal) {
		ModelAndView model = new ModelAndView("audit/pia");
		LocalDate[] period = period(from, to);
		PiaReport report = reports.generate(period[0], period[1], "page", principal.getName());
		model.addObject("report", report);
		model.addObject("titles", PiaDocuments.TITLES);
		model.addObject("query", "from=" + period[0] + "&to=" + period[1]);
		return model;
	}

	@GetMapping("/api/v1/audit/reports/pia")
	ResponseEntity<?> report(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "json") String format,
			Principal principal) throws IOException {
		LocalDate[] period = period(from, to);
		String name = "pia-" + period[0] + "_" + period[1];
		switch (format) {
			case "json" -> {
				return ResponseEntity.ok(reports.generate(period[0], period[1], format, principal.getName()));
			}
			case "csv" -> {
				PiaReport report = reports.generate(period[0], period[1], format, principal.getName());
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
					documents.csv(report, writer);
				}
				exported(report, format, principal);
				return download(bytes.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8),
						name + ".csv");
			}
			case "pdf" -> {
				if (!documents.pdfAvailable()) {
					throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "FONT_UNAVAILABLE", "IPAmj Mincho");
				}
				PiaReport report = reports.generate(period[0], period[1], format, principal.getName());
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				documents.pdf(report, bytes);
				exported(report, format, principal);
				return download(bytes.toByteArray(), MediaType.APPLICATION_PDF, name + ".pdf");
			}
			default -> throw ProblemException.invalid("INVALID_REPORT_FORMAT");
		}
	}

	private static void exported(PiaReport report, String format, Principal principal) {
		exportLog.info("PIA report {}–{} downloaded as {} by {} ({} events)", report.from(), report.to(), format,
				principal.getName(), report.eventsRead());
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

	/** The period asked for, or the previous month; 422 for bad dates. */
	private LocalDate[] period(@Nullable String from, @Nullable String to) {
		if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
			return reports.lastMonth();
		}
		try {
			LocalDate start = (from == null || from.isBlank()) ? LocalDate.parse(to).withDayOfMonth(1)
					: LocalDate.parse(from.strip());
			LocalDate end = (to == null || to.isBlank()) ? start.plusMonths(1).minusDays(1)
					: LocalDate.parse(to.strip());
			if (end.isBefore(start)) {
				throw ProblemException.invalid("INVALID_PERIOD");
			}
			if (end.isAfter(start.plusDays(MAX_DAYS))) {
				throw ProblemException.invalid("PERIOD_TOO_LONG", MAX_DAYS);
			}
			return new LocalDate[] { start, end };
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid("INVALID_DATE");
		}
	}

}
