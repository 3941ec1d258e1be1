package jp.madoguchi.support;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import jp.madoguchi.card.emulator.CardEmulator;
import jp.madoguchi.card.emulator.CardProfile;

/**
 * A card from {@code card/profiles} inserted into vpcd's virtual reader: the emulator
 * connects to vpcd (its default port 35963) on the shared pcscd and answers APDUs until
 * {@link #remove()}.
 */
public final class EmulatedCard {

	private static final Path PROFILES = Path.of("..", "card", "profiles");

	private final CardEmulator emulator;

	private final Thread thread;

	private EmulatedCard(CardEmulator emulator) {
		this.emulator = emulator;
		this.thread = new Thread(() -> {
			try {
				emulator.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "card-emulator");
		this.thread.setDaemon(true);
	}

	/** Inserts the card of {@code profile}, e.g. {@code my-number-card.json}. */
	public static EmulatedCard insert(String profile) throws Exception {
		SharedPcscd.ensureRunning();
		EmulatedCard card = new EmulatedCard(new CardEmulator(CardProfile.read(PROFILES.resolve(profile)).toChip(),
				new InetSocketAddress("127.0.0.1", 35963), -1));
		card.thread.start();
		return card;
	}

	public void remove() throws InterruptedException {
		emulator.stop();
		thread.join(5000);
	}

}
