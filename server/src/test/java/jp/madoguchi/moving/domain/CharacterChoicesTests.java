package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.madoguchi.moving.CharacterChoice;
import jp.madoguchi.moving.CharacterTarget;
import jp.madoguchi.moving.CharacterToChoose;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.text.ExactText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which characters need a choice and how choices are applied, against a target that keeps
 * neither 𠮷 nor variation sequences (the resident-record side is the one peer tests may
 * stand in for).
 */
class CharacterChoicesTests {

	static final String YOSHI = "\uD842\uDFB7";

	static final String TSUJI = "辻\uDB40\uDD02";

	final JsonMapper json = JsonMapper.builder().build();

	final NotificationContent content = json.readValue("""
			{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"2026-11-30",
			 "persons":[{"familyName":"%s%s田","givenName":"%s郎","familyNameKana":"ヨシダ"},
			            {"familyName":"辻","givenName":"花子"}],
			 "filer":{"kind":"SELF","name":"%s田 %s郎"}}""".formatted(YOSHI, YOSHI, TSUJI, YOSHI, TSUJI),
			NotificationContent.class);

	@Test
	void everyTextItemIsLookedAtAndEachCharacterAskedOncePerItem() {
		List<CharacterToChoose> needed = choices(new NarrowTarget()).needed(content, List.of());
		assertThat(needed).extracting(n -> n.field() + " " + n.original() + " " + n.person())
			.containsExactly("/persons/0/familyName " + YOSHI + " 1", "/persons/0/givenName " + TSUJI + " 1",
					"/filer/name " + YOSHI + " 0", "/filer/name " + TSUJI + " 0");
		assertThat(needed.get(1).candidates()).containsExactly("辻");
		assertThat(needed.get(1).codePoints()).isEqualTo("U+8FBB U+E0102");
		assertThat(needed).allMatch(n -> n.chosen() == null);
	}

	@Test
	void aChoiceAppliesToWholeCharactersOfItsItemOnly() {
		CharacterChoice yoshi = choice("/persons/0/familyName", YOSHI, "吉");
		CharacterChoice plainTsuji = choice("/persons/1/familyName", "辻", "X");
		CharacterChoice stale = choice("/persons/0/givenName", "髙", "高");
		CharacterChoice tsuji = choice("/persons/0/givenName", TSUJI, "辻");
		NotificationContent applied = choices(new NarrowTarget()).applied(content,
				List.of(yoshi, stale, tsuji, choice("/persons/0/givenName", "辻", "X")));
		assertThat(applied.persons().get(0).familyName()).isEqualTo("吉吉田");
		assertThat(applied.persons().get(0).givenName()).as("辻 is not replaced inside 辻󠄂").isEqualTo("辻郎");
		assertThat(applied.filer().name()).as("another item keeps its characters")
			.isEqualTo(YOSHI + "田 " + TSUJI + "郎");
		assertThat(applied.persons().get(1).familyName()).isEqualTo("辻");
		assertThat(choices(new NarrowTarget()).applied(content, List.of(plainTsuji)).persons().get(1).familyName())
			.isEqualTo("X");
		assertThat(choices(new NarrowTarget()).needed(content, List.of(yoshi)).get(0).chosen()).isEqualTo("吉");
	}

	@Test
	void withoutATargetNothingIsAsked() {
		assertThat(choices(null).needed(content, List.of())).isEmpty();
	}

	private CharacterChoices choices(CharacterTarget target) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (target != null) {
			beans.addBean("target", target);
		}
		return new CharacterChoices(null, null, null, beans.getBeanProvider(CharacterTarget.class), json,
				Clock.systemUTC());
	}

	private static CharacterChoice choice(String field, String original, String replacement) {
		return new CharacterChoice(field, original, replacement, "clerk", Instant.EPOCH);
	}

	/** Keeps neither 𠮷 nor variation sequences. */
	static final class NarrowTarget implements CharacterTarget {

		@Override
		public String description() {
			return "narrow";
		}

		@Override
		public boolean carries(String text) {
			return !text.contains(YOSHI) && !ExactText.hasVariationSelector(text);
		}

		@Override
		public List<String> candidates(String character) {
			return TSUJI.equals(character) ? List.of("辻") : List.of();
		}

	}

}
