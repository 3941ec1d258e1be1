package jp.madoguchi.residentrecord.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.ResidentRecordLink;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deliveries to the resident-record system, for administrators and monitoring scripts:
 * what waits, what failed and why, and another attempt for what failed.
 */
@RestController
@RequestMapping("/api/v1/resident-record/deliveries")
@Tag(name = "Resident-record link", description = "住民記録システム連携: deliveries of accepted notifications")
class DeliveryApiController {

	static final String CAN_ADMINISTER = "hasAuthority('MASTER_ADMIN')";

	private static final int MAX_LIMIT = 1000;

	private final ResidentRecordLink link;

	DeliveryApiController(ResidentRecordLink link) {
		this.link = link;
	}

	@GetMapping
	@PreAuthorize(CAN_ADMINISTER)
	@Operation(summary = "Deliveries, newest first, optionally of one state",
			description = "state: PENDING, DELIVERED, SENT, FAILED_RETRYING, DEAD (dead letters) or ERROR")
	List<DeliveryResponse> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ProblemException.invalid("INVALID_LIMIT", String.valueOf(MAX_LIMIT));
		}
		return link.list(parseState(state), limit).stream().map(DeliveryResponse::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(CAN_ADMINISTER)
	@Operation(summary = "One delivery")
	DeliveryResponse get(@PathVariable UUID id) {
		return link.find(id)
			.map(DeliveryResponse::of)
			.orElseThrow(() -> ProblemException.notFound("DELIVERY_NOT_FOUND"));
	}

	@PostMapping("/{id}/retry")
	@PreAuthorize(CAN_ADMINISTER)
	@Operation(summary = "Another attempt for a FAILED_RETRYING, DEAD or ERROR delivery",
			description = "409 DELIVERY_NOT_RETRYABLE for other states")
	DeliveryResponse retry(@PathVariable UUID id) {
		return DeliveryResponse.of(link.retry(id));
	}

	static @Nullable DeliveryState parseState(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		return Arrays.stream(DeliveryState.values())
			.filter(s -> s.name().equalsIgnoreCase(state.strip()))
			.findFirst()
			.orElseThrow(
					() -> ProblemException.invalid("INVALID_DELIVERY_STATE", Arrays.toString(DeliveryState.values())));
	}

}
