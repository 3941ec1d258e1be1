package jp.madoguchi.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: the page carries the period; statistics.js fetches the JSON and draws
 * the charts with ECharts (no inline script, strict CSP).
 */
@Controller
@PreAuthorize("hasAuthority('STATISTICS_VIEW')")
class DashboardPageController {

	private final Clock clock;

	DashboardPageController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/statistics")
	String dashboard(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			start = end;
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "statistics/dashboard";
	}

}
