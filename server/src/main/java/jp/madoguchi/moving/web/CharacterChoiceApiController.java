package jp.madoguchi.moving.web;

import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.CharacterToChoose;
import jp.madoguchi.moving.domain.CharacterChoices;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Characters the resident-record target cannot carry and staff's choices,
 * docs/design/http-api.md "Character choices".
 */
@RestController
@RequestMapping("/api/v1/notifications/{id}/character-choices")
class CharacterChoiceApiController {

	static final String MAY_CHOOSE = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT')";

	private final CharacterChoices characters;

	CharacterChoiceApiController(CharacterChoices characters) {
		this.characters = characters;
	}

	@GetMapping
	@PreAuthorize(NotificationApiController.CAN_READ)
	Answer get(@PathVariable UUID id) {
		return answer(characters.read(id));
	}

	@PutMapping
	@PreAuthorize(MAY_CHOOSE)
	Answer choose(@PathVariable UUID id, @RequestBody Body body) {
		List<CharacterChoices.Request> choices = (body.choices() != null) ? body.choices() : List.of();
		return answer(characters.choose(id, choices));
	}

	private Answer answer(List<CharacterToChoose> needed) {
		return new Answer(characters.target().orElse(null),
				needed.stream()
					.map(n -> new Item(n.field(), n.person(), n.item(), n.original(), n.codePoints(), n.candidates(),
							n.chosen()))
					.toList(),
				needed.stream().allMatch(n -> n.chosen() != null));
	}

	record Body(@Nullable List<CharacterChoices.Request> choices) {
	}

	/**
	 * @param target what the configured target keeps
	 * @param characters each character it cannot carry
	 * @param complete whether every one has a choice (acceptance is possible)
	 */
	record Answer(@Nullable String target, List<Item> characters, boolean complete) {
	}

	record Item(String field, int person, String item, String original, String codePoints, List<String> candidates,
			@Nullable String chosen) {
	}

}
