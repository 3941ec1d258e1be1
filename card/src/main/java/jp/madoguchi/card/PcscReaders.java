package jp.madoguchi.card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;

/**
 * The PC/SC readers of this machine, through {@code javax.smartcardio} (WinSCard on
 * Windows, pcsc-lite on Linux).
 */
public final class PcscReaders {

	private static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";

	private static final List<Path> LINUX_LIBRARIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"),
			Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"), Path.of("/usr/lib64/libpcsclite.so.1"),
			Path.of("/usr/lib/libpcsclite.so.1"));

	/**
	 * JDK 17 looks for an unversioned libpcsclite.so that only the -dev package installs:
	 * point it at the runtime library unless told otherwise. Must run before the first
	 * TerminalFactory use.
	 */
	public static void configureLibrary() {
		if (System.getProperty(LIBRARY_PROPERTY) != null
				|| !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
			return;
		}
		LINUX_LIBRARIES.stream()
			.filter(Files::isReadable)
			.findFirst()
			.ifPresent((library) -> System.setProperty(LIBRARY_PROPERTY, library.toString()));
	}

	/** Each reader and whether a card is on it. */
	public List<ReaderStatus> readers() {
		return terminals().stream()
			.map((terminal) -> new ReaderStatus(terminal.getName(), cardPresent(terminal)))
			.toList();
	}

	/**
	 * Connects to the card on the first reader that has one, runs {@code read} and
	 * disconnects (resetting the card, so no PIN verification outlives the read).
	 * @throws CardReadException NO_READER, NO_CARD, CARD_REMOVED
	 */
	public <T> T withCard(Function<CardTransport, T> read) {
		List<CardTerminal> terminals = terminals();
		CardTerminal terminal = terminals.stream()
			.filter(PcscReaders::cardPresent)
			.findFirst()
			.orElseThrow(() -> new CardReadException(CardError.NO_CARD, "no card on " + terminals.size() + " readers"));
		Card card;
		try {
			card = terminal.connect("*");
		}
		catch (CardException ex) {
			CardReadException translated = translate(ex, CardError.NO_CARD);
			// Taken away between the presence check and the connection: there is no card
			// now.
			throw (translated.error() == CardError.CARD_REMOVED)
					? new CardReadException(CardError.NO_CARD, translated.getMessage(), ex) : translated;
		}
		try {
			CardChannel channel = card.getBasicChannel();
			return read.apply((command) -> transmit(channel, command));
		}
		finally {
			try {
				card.disconnect(true);
			}
			catch (CardException ex) {
				// The card is gone already; nothing is left to release.
			}
		}
	}

	private static ResponseApdu transmit(CardChannel channel, CommandApdu command) {
		try {
			ResponseAPDU response = channel.transmit(new CommandAPDU(command.toBytes()));
			return ResponseApdu.parse(response.getBytes());
		}
		catch (CardException | IllegalStateException ex) {
			throw translate(ex, CardError.CARD_REMOVED);
		}
		catch (IllegalArgumentException ex) {
			// No status word at all: the reader lost the card between command and answer.
			throw new CardReadException(CardError.CARD_REMOVED, "answer without status word", ex);
		}
	}

	private static List<CardTerminal> terminals() {
		try {
			List<CardTerminal> terminals = TerminalFactory.getInstance("PC/SC", null).terminals().list();
			if (terminals.isEmpty()) {
				throw new CardReadException(CardError.NO_READER, "no PC/SC reader");
			}
			return terminals;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new CardReadException(CardError.NO_READER, "no PC/SC library", ex);
		}
		catch (CardException ex) {
			// SCARD_E_NO_READERS_AVAILABLE, SCARD_E_NO_SERVICE (pcscd/SCardSvr not
			// running) and the like.
			throw new CardReadException(CardError.NO_READER, "PC/SC: " + reason(ex), ex);
		}
	}

	private static boolean cardPresent(CardTerminal terminal) {
		try {
			return terminal.isCardPresent();
		}
		catch (CardException ex) {
			return false;
		}
	}

	private static CardReadException translate(Exception ex, CardError fallback) {
		String reason = reason(ex);
		if (reason.contains("REMOVED") || reason.contains("NO_SMARTCARD") || reason.contains("RESET")
				|| reason.contains("UNPOWERED") || reason.contains("closed")) {
			return new CardReadException(CardError.CARD_REMOVED, "PC/SC: " + reason, ex);
		}
		if (reason.contains("NO_SERVICE") || reason.contains("READER_UNAVAILABLE")
				|| reason.contains("UNKNOWN_READER")) {
			return new CardReadException(CardError.NO_READER, "PC/SC: " + reason, ex);
		}
		return new CardReadException(fallback, "PC/SC: " + reason, ex);
	}

	private static String reason(Throwable ex) {
		StringBuilder reason = new StringBuilder();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			reason.append(t.getMessage()).append(' ');
		}
		return reason.toString().trim();
	}

	/**
	 * One reader.
	 *
	 * @param name the PC/SC reader name
	 * @param cardPresent whether a card is on it
	 */
	public record ReaderStatus(String name, boolean cardPresent) {
	}

}
