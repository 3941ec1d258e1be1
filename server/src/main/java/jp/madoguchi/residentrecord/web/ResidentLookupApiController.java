package jp.madoguchi.residentrecord.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current resident record, to start a 転出, 転居 or 世帯変更 from what the city already
 * knows. Every lookup is audited (who asked, with which criteria, how many found).
 */
@RestController
@Tag(name = "Resident-record link", description = "住民記録システム連携: deliveries of accepted notifications")
class ResidentLookupApiController {

	private final ResidentRecordLookup lookup;

	private final AuditTrail audit;

	ResidentLookupApiController(ResidentRecordLookup lookup, AuditTrail audit) {
		this.lookup = lookup;
		this.audit = audit;
	}

	@GetMapping("/api/v1/resident-record/residents")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Residents in the current resident record",
			description = "name (kanji or kana, folded), birthDate, householdId; at least one. 503 RESIDENT_LOOKUP_UNAVAILABLE when the source cannot answer")
	List<Resident> find(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate birthDate,
			@RequestParam(required = false) @Nullable String householdId) {
		ResidentQuery query = new ResidentQuery(name, birthDate, householdId);
		if (query.isEmpty()) {
			throw ProblemException.invalid("LOOKUP_CRITERIA_REQUIRED");
		}
		String criteria = "name=" + (name != null ? "(given)" : "") + " birthDate="
				+ (birthDate != null ? "(given)" : "") + " householdId=" + (householdId != null ? householdId : "");
		try {
			List<Resident> found = lookup.find(query);
			audit.record(AuditEntry.success("RESIDENT_RECORD_LOOKUP", null, criteria + " hits=" + found.size()));
			return found;
		}
		catch (ResidentRecordLookup.LookupUnavailableException ex) {
			audit.record(AuditEntry.failure("RESIDENT_RECORD_LOOKUP", null, criteria + " " + ex.getMessage()));
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "RESIDENT_LOOKUP_UNAVAILABLE",
					String.valueOf(ex.getMessage()));
		}
	}

}
