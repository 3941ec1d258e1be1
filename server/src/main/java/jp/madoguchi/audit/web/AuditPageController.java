package jp.madoguchi.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AuditQuery;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The auditors' screens: search with CSV export, and chain verification. The search page
 * answers an htmx request with just its results.
 */
@Controller
@PreAuthorize("hasAuthority('AUDIT_VIEW')")
class AuditPageController {

	static final String SEARCH_VIEW = "audit/search";

	static final String VERIFY_VIEW = "audit/verify";

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final AuditWebSupport support;

	AuditPageController(AuditWebSupport support) {
		this.support = support;
	}

	@GetMapping("/audit")
	String search(SearchParameters parameters,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("search", parameters);
		model.addAttribute("csvUrl", parameters.link("/audit/events.csv"));
		SearchParameters.Parsed parsed = parameters.parse();
		if (parsed.query() == null) {
			model.addAttribute("problems",
					parsed.problems()
						.stream()
						.map((problem) -> new FieldMessage(problem.field(), support.message(problem.messageCode())))
						.toList());
			model.addAttribute("events", List.of());
		}
		else {
			model.addAttribute("problems", List.of());
			model.addAttribute("events", support.search(parameters, parsed.query()));
		}
		return (htmx != null) ? SEARCH_VIEW + " :: main" : SEARCH_VIEW;
	}

	@GetMapping("/audit/events.csv")
	void export(SearchParameters parameters, HttpServletResponse response) throws IOException {
		AuditQuery query = support.query(parameters);
		String fileName = "audit-events-" + FILE_TIME.format(LocalDateTime.now(SearchParameters.ZONE)) + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		long[] rows = { 0 };
		boolean completed = false;
		try {
			Writer writer = new BufferedWriter(
					new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
			AuditCsv csv = new AuditCsv(writer);
			csv.header();
			support.audit().forEach(query, (event) -> {
				csv.row(event);
				rows[0]++;
			});
			writer.flush();
			completed = true;
		}
		finally {
			support.recordExport(parameters, rows[0], completed);
		}
	}

	@GetMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", support.verify());
		return VERIFY_VIEW;
	}

	/**
	 * The export is a download, not a page: bad filters are answered as problem details,
	 * as the API answers them (the platform's advice covers only REST controllers).
	 */
	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		ProblemDetail problem = Problems.of(ex, LocaleContextHolder.getLocale());
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A problem with one form field, for the error summary. */
	record FieldMessage(String field, String message) {

	}

}
