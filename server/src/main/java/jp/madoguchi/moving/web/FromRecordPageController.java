package jp.madoguchi.moving.web;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.DraftsFromRecord;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The start buttons of the household search page (residentrecord's counter page): a plain
 * form POST that creates the draft from the record and opens it for editing; a 世帯合併 (or a
 * 世帯構成変更 between two households) names the household joined ({@code joinedHouseholdId}),
 * a 世帯主変更 or 世帯分離 the new head chosen among the members ({@code headResidentId}). After a
 * card read, {@code cardMyNumber} carries the card's My Number sealed by the lookup page
 * ({@link jp.madoguchi.moving.CardMyNumbers}): it goes onto the card holder's person. A
 * refusal goes back to the household with the reason.
 */
@Controller
class FromRecordPageController {

	private final DraftsFromRecord drafts;

	FromRecordPageController(DraftsFromRecord drafts) {
		this.drafts = drafts;
	}

	@PostMapping("/notifications/from-record")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String start(@RequestParam String start, @RequestParam(required = false) @Nullable Variant changeKind,
			@RequestParam(required = false) @Nullable List<String> residentIds,
			@RequestParam(required = false) @Nullable String householdId,
			@RequestParam(required = false) @Nullable String joinedHouseholdId,
			@RequestParam(required = false) @Nullable String headResidentId,
			@RequestParam(required = false) @Nullable String cardMyNumber, RedirectAttributes redirect) {
		NotificationType type = switch (start) {
			case "MOVE_OUT" -> NotificationType.MOVE_OUT;
			case "HOUSEHOLD_CHANGE" -> NotificationType.HOUSEHOLD_CHANGE;
			default -> NotificationType.MOVE_WITHIN;
		};
		Variant variant = switch (type) {
			case MOVE_OUT -> Variant.DOMESTIC;
			case HOUSEHOLD_CHANGE -> (changeKind != null) ? changeKind : Variant.HEAD_CHANGE;
			default -> Variant.NONE;
		};
		// the new head chosen on the page counts for a 世帯主変更 or 世帯分離 only; chosen, he
		// is one of the persons even when staff did not tick him
		String newHead = (headResidentId != null && !headResidentId.isBlank()
				&& type == NotificationType.HOUSEHOLD_CHANGE
				&& (variant == Variant.HEAD_CHANGE || variant == Variant.SEPARATION)) ? headResidentId.strip() : null;
		List<String> ids = (residentIds != null) ? new ArrayList<>(residentIds) : new ArrayList<>();
		if (newHead != null && !ids.contains(newHead)) {
			ids.add(newHead);
		}
		try {
			return "redirect:/notifications/" + drafts
				.fromResidents(type, variant, ids, null, joinedHouseholdId, newHead, false, blankToNull(cardMyNumber))
				.notification()
				.id();
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
			String back = UriComponentsBuilder.fromPath("/resident-record/households")
				.queryParamIfPresent("householdId", java.util.Optional.ofNullable(householdId))
				.build()
				.encode()
				.toUriString();
			return "redirect:" + back;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * 「特例転入を始める」 on the household search page: the draft from the data sent ahead, opened
	 * for editing; a refusal goes back to the page with the reason.
	 */
	@PostMapping("/notifications/from-sent-ahead")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String startSpecialMoveIn(@RequestParam(required = false) @Nullable List<String> noticeIds,
			RedirectAttributes redirect) {
		try {
			return "redirect:/notifications/" + drafts.fromSentAhead(noticeIds, false).notification().id();
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
			return "redirect:/resident-record/households";
		}
	}

}
