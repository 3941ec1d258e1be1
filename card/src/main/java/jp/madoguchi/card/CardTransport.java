package jp.madoguchi.card;

/**
 * Sends one command APDU to a card and returns its answer. Implemented over PC/SC
 * ({@link PcscReaders}) and, in tests, directly by the emulated card.
 */
@FunctionalInterface
public interface CardTransport {

	/**
	 * @throws CardReadException with {@link CardError#CARD_REMOVED} when the card left
	 * the reader
	 */
	ResponseApdu transmit(CommandApdu command);

}
