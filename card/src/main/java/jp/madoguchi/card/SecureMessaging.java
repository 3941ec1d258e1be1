package jp.madoguchi.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of the residence card's access control (在留カード等仕様書): two-key triple DES
 * in CBC mode with a zero IV, ISO/IEC 9797-1 padding method 2 and MAC algorithm 3 (the
 * "retail MAC"), and SHA-1 for the keys. Shared by the reader and the emulator so that
 * both sides compute the same thing; nothing here is secret in itself.
 *
 * <ul>
 * <li>The authentication key (K.enc = K.mac) is the first 16 bytes of SHA-1 over the
 * twelve ASCII characters of the card number printed on the card.</li>
 * <li>The session key is the first 16 bytes of SHA-1 over (K.IFD XOR K.ICC) followed by
 * 00 00 00 01.</li>
 * </ul>
 */
public final class SecureMessaging {

	private static final byte[] ZERO_IV = new byte[8];

	private SecureMessaging() {
	}

	/** K.enc and K.mac of MUTUAL AUTHENTICATE: derived from the card number alone. */
	public static byte[] cardNumberKey(String cardNumber) {
		return Arrays.copyOf(sha1(cardNumber.getBytes(StandardCharsets.US_ASCII)), 16);
	}

	/** The session key both sides derive from their key halves. */
	public static byte[] sessionKey(byte[] kIfd, byte[] kIcc) {
		byte[] seed = new byte[20];
		for (int i = 0; i < 16; i++) {
			seed[i] = (byte) (kIfd[i] ^ kIcc[i]);
		}
		seed[19] = 0x01;
		return Arrays.copyOf(sha1(seed), 16);
	}

	/** 3DES-CBC with a zero IV; {@code data} is a multiple of 8 bytes. */
	public static byte[] encrypt(byte[] key, byte[] data) {
		return tripleDes(Cipher.ENCRYPT_MODE, key, data);
	}

	public static byte[] decrypt(byte[] key, byte[] data) {
		return tripleDes(Cipher.DECRYPT_MODE, key, data);
	}

	/** ISO/IEC 9797-1 padding method 2: 80 then 00 up to a multiple of 8. */
	public static byte[] pad(byte[] data) {
		byte[] out = Arrays.copyOf(data, (data.length / 8 + 1) * 8);
		out[data.length] = (byte) 0x80;
		return out;
	}

	/**
	 * Removes padding method 2.
	 * @throws IllegalArgumentException when the data is not padded that way
	 */
	public static byte[] unpad(byte[] data) {
		int i = data.length - 1;
		while (i >= 0 && data[i] == 0x00) {
			i--;
		}
		if (i < 0 || data[i] != (byte) 0x80 || data.length - i > 8) {
			throw new IllegalArgumentException("not padded with ISO/IEC 9797-1 method 2");
		}
		return Arrays.copyOf(data, i);
	}

	/** ISO/IEC 9797-1 MAC algorithm 3 with DES and padding method 2 (8 bytes). */
	public static byte[] retailMac(byte[] key, byte[] data) {
		try {
			byte[] padded = pad(data);
			Cipher a = Cipher.getInstance("DES/ECB/NoPadding");
			a.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key, 0, 8), "DES"));
			byte[] h = new byte[8];
			for (int offset = 0; offset < padded.length; offset += 8) {
				for (int i = 0; i < 8; i++) {
					h[i] ^= padded[offset + i];
				}
				h = a.doFinal(h);
			}
			Cipher b = Cipher.getInstance("DES/ECB/NoPadding");
			b.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key, 8, 16), "DES"));
			return a.doFinal(b.doFinal(h));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("DES is part of every Java runtime", ex);
		}
	}

	private static byte[] tripleDes(int mode, byte[] key, byte[] data) {
		if (data.length % 8 != 0) {
			throw new IllegalArgumentException("3DES-CBC data is a multiple of 8 bytes");
		}
		try {
			byte[] k1k2k1 = new byte[24];
			System.arraycopy(key, 0, k1k2k1, 0, 16);
			System.arraycopy(key, 0, k1k2k1, 16, 8);
			Cipher cipher = Cipher.getInstance("DESede/CBC/NoPadding");
			cipher.init(mode, new SecretKeySpec(k1k2k1, "DESede"), new IvParameterSpec(ZERO_IV));
			return cipher.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("DESede is part of every Java runtime", ex);
		}
	}

	private static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", ex);
		}
	}

}
