package jp.madoguchi.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.madoguchi.card.emulator.CardProfile;
import jp.madoguchi.text.MyNumbers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice cards of training mode ({@code ops/training/cards/}, docs/manual/研修モード.md)
 * load in the card emulator as they are described: fictional 研修 people, a valid My
 * Number, one card each with a locked PIN and with one try left, and a residence card.
 */
class TrainingCardsTests {

	static final Path CARDS = Path.of("..", "ops", "training", "cards");

	@Test
	void everyPracticeCardLoadsAndIsPlainlyFictional() throws Exception {
		Map<String, CardProfile> cards;
		try (Stream<Path> files = Files.list(CARDS)) {
			List<Path> json = files.filter((f) -> f.toString().endsWith(".json")).sorted().toList();
			cards = json.stream()
				.collect(Collectors.toMap((f) -> f.getFileName().toString(), TrainingCardsTests::read));
		}
		assertThat(cards).containsOnlyKeys("my-number-card.json", "my-number-card-last-try.json",
				"my-number-card-pin-locked.json", "drivers-license.json", "residence-card.json");
		cards.forEach((file, card) -> {
			String name = (card.residence() != null) ? card.residence().nameAlphabet() : card.name();
			assertThat(name).as(file).matches("(研修|KENSHU).*");
			assertThat(card.description()).as(file).contains("研修用");
			card.toChip();
			if (CardProfile.MY_NUMBER_CARD.equals(card.card())) {
				assertThat(MyNumbers.isValid(card.myNumber())).as(file).isTrue();
			}
		});
		assertThat(cards.get("my-number-card-pin-locked.json").triesLeft()).isZero();
		assertThat(cards.get("my-number-card-last-try.json").triesLeft()).isEqualTo(1);
		assertThat(cards.get("drivers-license.json").card()).isEqualTo(CardProfile.DRIVERS_LICENSE);
		assertThat(cards.get("residence-card.json").residence().cardNumber()).isEqualTo("KS12345678AB");
	}

	private static CardProfile read(Path file) {
		try {
			return CardProfile.read(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
