package jp.madoguchi.card;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.card.emulator.EmulatedChip;

/**
 * Sends APDUs straight to a virtual card (no PC/SC) and keeps them, to count them in
 * tests.
 */
final class CountingTransport implements CardTransport {

	private final EmulatedChip card;

	final List<CommandApdu> commands = new ArrayList<>();

	final List<ResponseApdu> responses = new ArrayList<>();

	CountingTransport(EmulatedChip card) {
		this.card = card;
	}

	@Override
	public ResponseApdu transmit(CommandApdu command) {
		this.commands.add(command);
		// Through bytes, as over the wire: the parser and the encoder are part of what is
		// tested.
		ResponseApdu response = ResponseApdu.parse(this.card.process(command.toBytes()));
		this.responses.add(response);
		return response;
	}

	int count() {
		return this.commands.size();
	}

	long count(int ins) {
		return this.commands.stream().filter((command) -> command.ins() == ins).count();
	}

}
