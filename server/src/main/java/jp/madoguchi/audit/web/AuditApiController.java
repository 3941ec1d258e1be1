package jp.madoguchi.audit.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit API: chain verification and search, for auditors and their tools. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAuthority('AUDIT_VIEW')")
class AuditApiController {

	private final AuditWebSupport support;

	AuditApiController(AuditWebSupport support) {
		this.support = support;
	}

	@GetMapping("/verify")
	VerificationResponse verify() {
		return support.verify();
	}

	@GetMapping("/events")
	List<EventResponse> events(SearchParameters parameters) {
		return support.search(parameters, support.query(parameters));
	}

}
