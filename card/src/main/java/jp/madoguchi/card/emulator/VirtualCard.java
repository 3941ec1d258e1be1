package jp.madoguchi.card.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;
import jp.madoguchi.card.StatusWord;

/**
 * An ISO 7816-4 card in memory: a file tree of DFs and EFs, the current selection, the
 * security status (which PINs are verified since the last reset) and PIN retry counters
 * that survive power cycles as on a real card. It answers SELECT FILE, VERIFY and READ
 * BINARY the way both Japanese cards do, with their status words.
 */
public final class VirtualCard implements EmulatedChip {

	private final byte[] atr;

	private final Df mf;

	private final ReadPastEnd readPastEnd;

	private Df currentDf;

	/** The selected EF or internal PIN EF; null after a DF selection. */
	private Object currentEf;

	public VirtualCard(byte[] atr, Df mf, ReadPastEnd readPastEnd) {
		this.atr = atr.clone();
		this.mf = mf;
		this.readPastEnd = readPastEnd;
		reset();
	}

	@Override
	public byte[] atr() {
		return this.atr.clone();
	}

	/** Power on or warm reset: MF selected, no PIN verified (retry counters are kept). */
	@Override
	public void reset() {
		this.currentDf = this.mf;
		this.currentEf = null;
		this.mf.forEachPin((pin) -> pin.verified = false);
	}

	@Override
	public byte[] process(byte[] apdu) {
		return process(parse(apdu)).toBytes();
	}

	private static CommandApdu parse(byte[] apdu) {
		try {
			return CommandApdu.parse(apdu);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public ResponseApdu process(CommandApdu command) {
		if (command == null) {
			return ResponseApdu.of(StatusWord.WRONG_LENGTH);
		}
		if (command.cla() != 0x00) {
			return ResponseApdu.of(StatusWord.CLA_NOT_SUPPORTED);
		}
		switch (command.ins()) {
			case 0xA4:
				return select(command);
			case 0x20:
				return verify(command);
			case 0xB0:
				return readBinary(command);
			default:
				return ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED);
		}
	}

	private ResponseApdu select(CommandApdu command) {
		byte[] data = command.data();
		if (command.p2() != 0x00 && command.p2() != 0x0C) {
			return ResponseApdu.of(StatusWord.WRONG_P1_P2);
		}
		switch (command.p1()) {
			case 0x00:
				if (data.length == 0 || (data.length == 2 && fid(data) == 0x3F00)) {
					return selectDf(this.mf);
				}
				if (data.length != 2) {
					return ResponseApdu.of(StatusWord.WRONG_LENGTH);
				}
				return selectChild(fid(data));
			case 0x02:
				if (data.length != 2) {
					return ResponseApdu.of(StatusWord.WRONG_LENGTH);
				}
				return selectChild(fid(data));
			case 0x04:
				if (data.length < 1 || data.length > 16) {
					return ResponseApdu.of(StatusWord.WRONG_LENGTH);
				}
				return this.mf.findByName(data).map(this::selectDf).orElse(ResponseApdu.of(StatusWord.FILE_NOT_FOUND));
			default:
				return ResponseApdu.of(StatusWord.WRONG_P1_P2);
		}
	}

	private ResponseApdu selectDf(Df df) {
		// Leaving an application drops the verification of PINs that belong to it (not to
		// the MF).
		this.mf.forEachPin((pin) -> pin.verified = pin.verified && df.isWithin(pin.owner));
		this.currentDf = df;
		this.currentEf = null;
		return ResponseApdu.of(StatusWord.OK);
	}

	private ResponseApdu selectChild(int fid) {
		for (Ef ef : this.currentDf.efs) {
			if (ef.fid == fid) {
				this.currentEf = ef;
				return ResponseApdu.of(StatusWord.OK);
			}
		}
		for (Pin pin : this.currentDf.pins) {
			if (pin.fid == fid) {
				this.currentEf = pin;
				return ResponseApdu.of(StatusWord.OK);
			}
		}
		for (Df df : this.currentDf.dfs) {
			if (df.fid == fid) {
				return selectDf(df);
			}
		}
		return ResponseApdu.of(StatusWord.FILE_NOT_FOUND);
	}

	private ResponseApdu verify(CommandApdu command) {
		if (command.p1() != 0x00) {
			return ResponseApdu.of(StatusWord.WRONG_P1_P2);
		}
		Pin pin = findPin(command.p2());
		if (pin == null) {
			return ResponseApdu.of(StatusWord.REFERENCED_DATA_NOT_FOUND);
		}
		byte[] data = command.data();
		if (data.length == 0) {
			if (pin.verified) {
				return ResponseApdu.of(StatusWord.OK);
			}
			return ResponseApdu.of(StatusWord.COUNTER_MASK | pin.triesLeft);
		}
		if (pin.triesLeft == 0) {
			return ResponseApdu.of(StatusWord.AUTHENTICATION_BLOCKED);
		}
		if (Arrays.equals(data, pin.value)) {
			pin.triesLeft = pin.maxTries;
			pin.verified = true;
			return ResponseApdu.of(StatusWord.OK);
		}
		pin.triesLeft--;
		pin.verified = false;
		return ResponseApdu.of(StatusWord.COUNTER_MASK | pin.triesLeft);
	}

	private Pin findPin(int reference) {
		if (reference == 0x80) {
			// "Specific reference data": the PIN of the currently selected internal EF.
			return (this.currentEf instanceof Pin pin) ? pin : null;
		}
		for (Df df = this.currentDf; df != null; df = df.parent) {
			for (Pin pin : df.pins) {
				if (pin.reference == reference) {
					return pin;
				}
			}
		}
		return null;
	}

	private ResponseApdu readBinary(CommandApdu command) {
		if ((command.p1() & 0x80) != 0) {
			return ResponseApdu.of(StatusWord.WRONG_P1_P2); // short EF identifiers are
															// not offered
		}
		if (!(this.currentEf instanceof Ef ef)) {
			return ResponseApdu.of(StatusWord.NO_CURRENT_EF);
		}
		if (command.ne() == 0) {
			return ResponseApdu.of(StatusWord.WRONG_LENGTH);
		}
		for (Pin pin : ef.readPins) {
			if (!pin.verified) {
				return ResponseApdu.of(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
			}
		}
		int offset = (command.p1() << 8) | command.p2();
		if (offset >= ef.data.length) {
			return ResponseApdu.of(StatusWord.WRONG_OFFSET);
		}
		int available = Math.min(command.ne(), ef.data.length - offset);
		byte[] chunk = Arrays.copyOfRange(ef.data, offset, offset + available);
		if (available == command.ne()) {
			return new ResponseApdu(chunk, StatusWord.OK);
		}
		if (this.readPastEnd == ReadPastEnd.WRONG_LE) {
			return ResponseApdu.of(StatusWord.WRONG_LE_MASK | available);
		}
		return new ResponseApdu(chunk, StatusWord.END_OF_FILE);
	}

	/**
	 * Tries left on the PIN with this reference or internal EF anywhere on the card (for
	 * tests).
	 */
	public int triesLeft(int fidOrReference) {
		int[] found = { -1 };
		this.mf.forEachPin((pin) -> {
			if (pin.fid == fidOrReference || pin.reference == fidOrReference) {
				found[0] = pin.triesLeft;
			}
		});
		return found[0];
	}

	private static int fid(byte[] data) {
		return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
	}

	/** How READ BINARY answers a Le past the end of the EF: both occur on real cards. */
	public enum ReadPastEnd {

		/** The bytes there are, with 62 82. */
		END_OF_FILE,

		/** No data, 6C xx with the exact length. */
		WRONG_LE

	}

	/** A dedicated file (the MF, an application, a licence DF). */
	public static final class Df {

		final int fid;

		final byte[] name;

		final List<Df> dfs = new ArrayList<>();

		final List<Ef> efs = new ArrayList<>();

		final List<Pin> pins = new ArrayList<>();

		Df parent;

		public Df(int fid, byte[] name) {
			this.fid = fid;
			this.name = (name != null) ? name.clone() : null;
		}

		public Df add(Df child) {
			child.parent = this;
			this.dfs.add(child);
			return child;
		}

		public Ef add(Ef ef) {
			this.efs.add(ef);
			return ef;
		}

		public Pin add(Pin pin) {
			pin.owner = this;
			this.pins.add(pin);
			return pin;
		}

		boolean isWithin(Df ancestor) {
			for (Df df = this; df != null; df = df.parent) {
				if (df == ancestor) {
					return true;
				}
			}
			return false;
		}

		Optional<Df> findByName(byte[] aid) {
			if (this.name != null && Arrays.equals(this.name, aid)) {
				return Optional.of(this);
			}
			for (Df child : this.dfs) {
				Optional<Df> found = child.findByName(aid);
				if (found.isPresent()) {
					return found;
				}
			}
			return Optional.empty();
		}

		void forEachPin(java.util.function.Consumer<Pin> action) {
			this.pins.forEach(action);
			this.dfs.forEach((child) -> child.forEachPin(action));
		}

	}

	/** A transparent EF, readable once all of {@code readPins} are verified. */
	public static final class Ef {

		final int fid;

		final byte[] data;

		final List<Pin> readPins;

		public Ef(int fid, byte[] data, Pin... readPins) {
			this.fid = fid;
			this.data = data.clone();
			this.readPins = List.of(readPins);
		}

	}

	/**
	 * A PIN: an internal EF (selectable by {@code fid}) and/or a VERIFY reference (P2).
	 */
	public static final class Pin {

		final int fid;

		final int reference;

		final byte[] value;

		final int maxTries;

		int triesLeft;

		boolean verified;

		Df owner;

		public Pin(int fid, int reference, byte[] value, int maxTries, int triesLeft) {
			this.fid = fid;
			this.reference = reference;
			this.value = value.clone();
			this.maxTries = maxTries;
			this.triesLeft = triesLeft;
		}

	}

}
