package jp.madoguchi.card.emulator;

/**
 * A card the emulator puts into the virtual reader: its answer to reset, its reset and
 * its answer to each command APDU.
 */
public interface EmulatedChip {

	byte[] atr();

	/** Power on or warm reset: volatile state (selection, security status) is lost. */
	void reset();

	/** Answers one command APDU (bytes as received) with a response APDU. */
	byte[] process(byte[] apdu);

}
