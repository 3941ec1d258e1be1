package jp.madoguchi.card.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.card.CommandApdu;
import jp.madoguchi.card.ResponseApdu;
import jp.madoguchi.card.SecureMessaging;
import jp.madoguchi.card.StatusWord;
import jp.madoguchi.card.Tlv;

/**
 * A residence card or special permanent resident certificate in memory, with the access
 * control of the published specification: the MF's EFs are free; every EF of DF1, DF2 and
 * DF3 is read only under secure messaging after MUTUAL AUTHENTICATE with the card-number
 * key and VERIFY of the card number. A wrong card number fails MUTUAL AUTHENTICATE with
 * 63 00 (the card cannot check the reader's MAC), and there is no retry counter to spend.
 */
public final class ResidenceCardChip implements EmulatedChip {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] atr;

	private final String cardNumber;

	private final byte[] key;

	private final Map<Integer, byte[]> mf;

	private final List<Application> applications;

	private Application current;

	private int currentEf;

	private byte[] rndIcc;

	private byte[] session;

	private boolean verified;

	/** GET CHALLENGE, MUTUAL AUTHENTICATE and VERIFY answered so far (for tests). */
	private int authentications;

	/**
	 * @param atr answer to reset
	 * @param cardNumber the number printed on the card
	 * @param mf the MF's EFs by FID
	 * @param applications DF1, DF2, DF3
	 */
	public ResidenceCardChip(byte[] atr, String cardNumber, Map<Integer, byte[]> mf, List<Application> applications) {
		this.atr = atr.clone();
		this.cardNumber = cardNumber;
		this.key = SecureMessaging.cardNumberKey(cardNumber);
		this.mf = new LinkedHashMap<>(mf);
		this.applications = List.copyOf(applications);
		reset();
	}

	@Override
	public byte[] atr() {
		return this.atr.clone();
	}

	@Override
	public void reset() {
		this.current = null;
		this.currentEf = -1;
		this.rndIcc = null;
		this.session = null;
		this.verified = false;
	}

	/** Authentication commands answered since the card was made (for tests). */
	public int authentications() {
		return this.authentications;
	}

	@Override
	public byte[] process(byte[] apdu) {
		CommandApdu command;
		try {
			command = CommandApdu.parse(apdu);
		}
		catch (IllegalArgumentException ex) {
			return ResponseApdu.of(StatusWord.WRONG_LENGTH).toBytes();
		}
		return process(command).toBytes();
	}

	private ResponseApdu process(CommandApdu command) {
		if (command.cla() != 0x00 && command.cla() != 0x08) {
			return ResponseApdu.of(StatusWord.CLA_NOT_SUPPORTED);
		}
		return switch (command.ins()) {
			case 0xA4 -> (command.cla() == 0x00) ? select(command) : ResponseApdu.of(StatusWord.CLA_NOT_SUPPORTED);
			case 0x84 -> getChallenge(command);
			case 0x82 -> mutualAuthenticate(command);
			case 0x20 -> verify(command);
			case 0xB0 -> readBinary(command);
			default -> ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED);
		};
	}

	private ResponseApdu select(CommandApdu command) {
		byte[] data = command.data();
		if (command.p2() != 0x00 && command.p2() != 0x0C) {
			return ResponseApdu.of(StatusWord.WRONG_P1_P2);
		}
		switch (command.p1()) {
			case 0x00 -> {
				if (data.length == 0 || (data.length == 2 && data[0] == 0x3F && data[1] == 0x00)) {
					this.current = null;
					this.currentEf = -1;
					return ResponseApdu.of(StatusWord.OK);
				}
				return ResponseApdu.of(StatusWord.FILE_NOT_FOUND);
			}
			case 0x04 -> {
				for (Application application : this.applications) {
					if (Arrays.equals(application.aid, data)) {
						// The card-number authentication is card-wide: selecting a DF
						// keeps
						// it.
						this.current = application;
						this.currentEf = -1;
						return ResponseApdu.of(StatusWord.OK);
					}
				}
				return ResponseApdu.of(StatusWord.FILE_NOT_FOUND);
			}
			case 0x02 -> {
				if (data.length != 2) {
					return ResponseApdu.of(StatusWord.WRONG_LENGTH);
				}
				int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
				if (!files().containsKey(fid)) {
					return ResponseApdu.of(StatusWord.FILE_NOT_FOUND);
				}
				this.currentEf = fid;
				return ResponseApdu.of(StatusWord.OK);
			}
			default -> {
				return ResponseApdu.of(StatusWord.WRONG_P1_P2);
			}
		}
	}

	private Map<Integer, byte[]> files() {
		return (this.current == null) ? this.mf : this.current.files;
	}

	private ResponseApdu getChallenge(CommandApdu command) {
		if (command.cla() != 0x00 || command.p1() != 0 || command.p2() != 0) {
			return ResponseApdu.of(StatusWord.WRONG_P1_P2);
		}
		if (command.ne() != 8) {
			return ResponseApdu.of(StatusWord.WRONG_LENGTH);
		}
		this.authentications++;
		this.rndIcc = random(8);
		this.session = null;
		this.verified = false;
		return new ResponseApdu(this.rndIcc, StatusWord.OK);
	}

	private ResponseApdu mutualAuthenticate(CommandApdu command) {
		this.authentications++;
		byte[] challenge = this.rndIcc;
		this.rndIcc = null; // one try per challenge
		if (challenge == null) {
			return ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED);
		}
		byte[] data = command.data();
		if (data.length != 40) {
			return ResponseApdu.of(StatusWord.WRONG_LENGTH);
		}
		byte[] eIfd = Arrays.copyOf(data, 32);
		if (!MessageDigest.isEqual(SecureMessaging.retailMac(this.key, eIfd), Arrays.copyOfRange(data, 32, 40))) {
			// Another card number: the reader's keys are not this card's.
			return ResponseApdu.of(StatusWord.VERIFICATION_FAILED);
		}
		byte[] plain = SecureMessaging.decrypt(this.key, eIfd);
		if (!Arrays.equals(Arrays.copyOfRange(plain, 8, 16), challenge)) {
			return ResponseApdu.of(StatusWord.VERIFICATION_FAILED);
		}
		byte[] kIcc = random(16);
		byte[] eIcc = SecureMessaging.encrypt(this.key, concat(challenge, Arrays.copyOf(plain, 8), kIcc));
		this.session = SecureMessaging.sessionKey(Arrays.copyOfRange(plain, 16, 32), kIcc);
		this.verified = false;
		return new ResponseApdu(concat(eIcc, SecureMessaging.retailMac(this.key, eIcc)), StatusWord.OK);
	}

	private ResponseApdu verify(CommandApdu command) {
		this.authentications++;
		if (command.cla() != 0x08 || command.p1() != 0x00 || command.p2() != 0x86) {
			return ResponseApdu.of(StatusWord.REFERENCED_DATA_NOT_FOUND);
		}
		if (this.session == null) {
			return ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED);
		}
		byte[] number;
		try {
			byte[] value = Tlv.find(Tlv.parseAll(command.data()), 0x86).orElseThrow().value();
			if (value.length < 9 || value[0] != 0x01) {
				return ResponseApdu.of(0x6988);
			}
			number = SecureMessaging
				.unpad(SecureMessaging.decrypt(this.session, Arrays.copyOfRange(value, 1, value.length)));
		}
		catch (RuntimeException ex) {
			return ResponseApdu.of(0x6988); // SM data objects incorrect
		}
		if (!Arrays.equals(number, this.cardNumber.getBytes(StandardCharsets.US_ASCII))) {
			return ResponseApdu.of(StatusWord.VERIFICATION_FAILED);
		}
		this.verified = true;
		return ResponseApdu.of(StatusWord.OK);
	}

	private ResponseApdu readBinary(CommandApdu command) {
		if ((command.p1() & 0x80) != 0) {
			return ResponseApdu.of(StatusWord.WRONG_P1_P2);
		}
		if (this.currentEf < 0) {
			return ResponseApdu.of(StatusWord.NO_CURRENT_EF);
		}
		byte[] file = files().get(this.currentEf);
		int offset = (command.p1() << 8) | command.p2();
		if (this.current == null) {
			// MF: free access, plain.
			if (command.cla() != 0x00 || command.ne() == 0) {
				return ResponseApdu.of(StatusWord.WRONG_LENGTH);
			}
			if (offset >= file.length) {
				return ResponseApdu.of(StatusWord.WRONG_OFFSET);
			}
			int available = Math.min(command.ne(), file.length - offset);
			return new ResponseApdu(Arrays.copyOfRange(file, offset, offset + available),
					(available == command.ne()) ? StatusWord.OK : StatusWord.END_OF_FILE);
		}
		if (command.cla() != 0x08 || !this.verified || this.session == null) {
			return ResponseApdu.of(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
		}
		byte[] data = command.data();
		if (data.length != 4 || data[0] != (byte) 0x96 || data[1] != 0x02) {
			return ResponseApdu.of(0x6988);
		}
		int le = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
		if (le == 0) {
			le = 65536;
		}
		if (offset >= file.length) {
			return ResponseApdu.of(StatusWord.WRONG_OFFSET);
		}
		byte[] chunk = Arrays.copyOfRange(file, offset, offset + Math.min(le, file.length - offset));
		byte[] wrapped = new Tlv(0x86,
				concat(new byte[] { 0x01 }, SecureMessaging.encrypt(this.session, SecureMessaging.pad(chunk))))
			.encode();
		if (wrapped.length > command.ne()) {
			return ResponseApdu.of(StatusWord.WRONG_LENGTH);
		}
		return new ResponseApdu(wrapped, StatusWord.OK);
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** A DF of the card: its AID and its EFs by FID. */
	public static final class Application {

		final byte[] aid;

		final Map<Integer, byte[]> files;

		public Application(byte[] aid, Map<Integer, byte[]> files) {
			this.aid = aid.clone();
			this.files = new LinkedHashMap<>(files);
		}

	}

}
