package jp.madoguchi.retention.web;

import java.util.List;
import java.util.Map;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.retention.domain.PurgeRun;
import jp.madoguchi.retention.domain.RetentionService;
import jp.madoguchi.retention.domain.RetentionService.Cutoffs;
import jp.madoguchi.retention.domain.RetentionSettings;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Retention settings, what is due, and purge runs (docs/retention.md). */
@RestController
@RequestMapping("/api/v1/admin/retention")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class RetentionApiController {

	private final RetentionService retention;

	RetentionApiController(RetentionService retention) {
		this.retention = retention;
	}

	record Overview(RetentionSettings settings, Cutoffs cutoffs, Map<String, Long> pending) {
	}

	@GetMapping
	Overview overview() {
		RetentionSettings settings = retention.settings();
		return new Overview(settings, retention.cutoffs(settings), retention.pending());
	}

	@PutMapping
	RetentionSettings update(@RequestBody RetentionSettings settings, Authentication caller) {
		return retention.update(settings, caller.getName());
	}

	@GetMapping("/runs")
	List<PurgeRun> runs() {
		return retention.recentRuns();
	}

	@PostMapping("/runs")
	@ResponseStatus(HttpStatus.CREATED)
	PurgeRun runNow(Authentication caller) {
		return retention.run(RetentionService.Trigger.MANUAL, caller.getName())
			.orElseThrow(() -> ProblemException.conflict("RETENTION_PURGE_RUNNING"));
	}

}
