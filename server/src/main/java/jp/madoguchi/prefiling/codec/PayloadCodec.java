package jp.madoguchi.prefiling.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The pre-application payload (docs/prefiling.md): Deflate-compressed bytes encrypted
 * with AES-256-GCM under a key derived (X25519, HKDF-SHA256) from a fresh ephemeral key
 * and the counter's public key, written in {@code 0-9A-Z} only so that a QR code in
 * alphanumeric mode carries it and a keyboard-wedge reader types it the same on JIS and
 * US layouts.
 * <p>
 * Binary layout, before the text encoding: {@code version(1) keyId(4) length(2)} (the
 * header, also the associated data of the encryption), the ephemeral X25519 public key
 * (32), the ciphertext with its 16-byte tag. The text encoding turns each 8 bytes into 13
 * base-36 characters; the last block is padded with zeros, and {@code length} tells the
 * true length.
 */
public final class PayloadCodec {

	/** The format version this codec writes and reads. */
	public static final int VERSION = 1;

	static final int HEADER_BYTES = 7;

	static final int KEY_ID_BYTES = 4;

	static final int POINT_BYTES = 32;

	static final int TAG_BYTES = 16;

	static final int BLOCK_BYTES = 8;

	static final int BLOCK_CHARS = 13;

	/** Beyond this, a payload is not a notification but an attack on the inflater. */
	static final int MAX_PLAIN_BYTES = 256 * 1024;

	/** The fixed X.509 prefix of an X25519 public key, before its 32 raw bytes. */
	private static final byte[] X25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");

	private static final byte[] HKDF_INFO = "madoguchi-prefiling-v1".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A preset Deflate dictionary of what notifications typically say: it saves the first
	 * occurrence of each member name. Part of format version 1; changing it needs a new
	 * version.
	 */
	private static final byte[] DICTIONARY = ("\"country\":\"identityDocuments\":[\"MY_NUMBER_CARD\",\"DRIVERS_LICENSE\","
			+ "\"PASSPORT\",\"RESIDENCE_CARD\",\"HEALTH_INSURANCE_CARD\"],\"filer\":{\"kind\":\"SELF\",\"name\":"
			+ "\"phone\":\"powerOfAttorney\":false},\"household\":{\"headName\":\"newHousehold\":true,"
			+ "\"facts\":{\"hasDog\":false,\"hasMoped\":false,\"waterService\":true}},\"nationality\":"
			+ "\"foreignResident\":{\"nameAlphabet\":\"alias\":\"category\":\"MID_TO_LONG_TERM\","
			+ "\"residenceStatus\":\"periodOfStayEndsOn\":\"residenceCardNumber\":\"becameResidentOn\":"
			+ "\"registeredDomicile\":\"familyRegisterHead\":\"facts\":{\"healthInsurance\":\"NHI\","
			+ "\"careCertified\":false,\"disabilityCertificate\":false,\"pregnant\":false,\"inNursery\":false,"
			+ "\"publicAssistance\":false,\"singleParent\":false}},\"formerSurname\":\"myNumberCard\":true,"
			+ "\"myNumber\":\"北海道東京都大阪府県市区町村丁目番地号世帯主妻夫子長男長女二男二女父母"
			+ "{\"type\":\"MOVE_IN\",\"variant\":\"DOMESTIC\",\"MOVE_OUT\",\"MOVE_WITHIN\",\"HOUSEHOLD_CHANGE\","
			+ "\"movedOn\":\"20\",\"filedOn\":\"20\",\"plannedMoveOutOn\":\"20\","
			+ "\"newAddress\":{\"postalCode\":\"\",\"prefecture\":\"\",\"city\":\"\",\"town\":\"\",\"block\":\"\","
			+ "\"building\":\"\"},\"previousAddress\":{\"postalCode\":\"\",\"prefecture\":\"\",\"city\":\"\","
			+ "\"town\":\"\",\"block\":\"\",\"building\":\"\"},\"persons\":[{\"familyName\":\"\",\"givenName\":\"\","
			+ "\"familyNameKana\":\"\",\"givenNameKana\":\"\",\"birthDate\":\"19\",\"sex\":\"MALE\",\"FEMALE\","
			+ "\"relationship\":\"\"},{\"familyName\":\"")
		.getBytes(StandardCharsets.UTF_8);

	private PayloadCodec() {
	}

	/** A fresh counter key pair. */
	public static KeyPair generateKeyPair() {
		try {
			return KeyPairGenerator.getInstance("X25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK offers no X25519", ex);
		}
	}

	/**
	 * The key id a payload names: the first 4 bytes of the SHA-256 of the public key's
	 * X.509 encoding, as 8 lower-case hex digits.
	 */
	public static String keyId(PublicKey key) {
		return HexFormat.of().formatHex(keyIdBytes(key));
	}

	/**
	 * A public key from its X.509 encoding (as {@code .pub} files and configuration hold
	 * it).
	 */
	public static PublicKey publicKey(byte[] x509) {
		try {
			PublicKey key = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(x509));
			raw(key);
			return key;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an X25519 public key", ex);
		}
	}

	/**
	 * Encrypts {@code plain} (the notification's JSON) to {@code recipient}.
	 * @return the payload, {@code 0-9A-Z} only
	 */
	public static String encode(byte[] plain, PublicKey recipient) {
		if (plain.length > MAX_PLAIN_BYTES) {
			throw new IllegalArgumentException("Too large for a payload: " + plain.length + " bytes");
		}
		byte[] compressed = deflate(plain);
		try {
			KeyPair ephemeral = generateKeyPair();
			byte[] ephemeralPoint = raw(ephemeral.getPublic());
			int length = HEADER_BYTES + POINT_BYTES + compressed.length + TAG_BYTES;
			if (length > 0xFFFF) {
				throw new IllegalArgumentException("Too large for a payload: " + length + " bytes");
			}
			ByteBuffer binary = ByteBuffer.allocate(length);
			binary.put((byte) VERSION).put(keyIdBytes(recipient)).putShort((short) length);
			byte[] header = Arrays.copyOf(binary.array(), HEADER_BYTES);
			binary.put(ephemeralPoint);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ephemeral.getPrivate(), recipient, ephemeralPoint,
					raw(recipient));
			cipher.updateAAD(header);
			binary.put(cipher.doFinal(compressed));
			return toText(binary.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the payload", ex);
		}
	}

	/**
	 * Decrypts a payload as a reader typed it: lower case and inserted whitespace are
	 * accepted.
	 * @param keys the counter's key pair for a key id, null when unknown
	 * @return the bytes that were encoded
	 * @throws InvalidPayloadException when the payload is damaged, truncated, for another
	 * key or of an unknown version
	 */
	public static byte[] decode(String payload, Function<String, @Nullable KeyPair> keys)
			throws InvalidPayloadException {
		byte[] binary = fromText(payload);
		if (binary.length < HEADER_BYTES + POINT_BYTES + TAG_BYTES) {
			throw new InvalidPayloadException("Too short");
		}
		ByteBuffer buffer = ByteBuffer.wrap(binary);
		int version = buffer.get() & 0xFF;
		if (version != VERSION) {
			throw new InvalidPayloadException("Unknown format version " + version);
		}
		byte[] keyIdBytes = new byte[KEY_ID_BYTES];
		buffer.get(keyIdBytes);
		int length = buffer.getShort() & 0xFFFF;
		int blocks = (length + BLOCK_BYTES - 1) / BLOCK_BYTES;
		if (length < HEADER_BYTES + POINT_BYTES + TAG_BYTES || blocks * BLOCK_BYTES != binary.length) {
			throw new InvalidPayloadException("Length " + length + " does not match " + binary.length + " bytes");
		}
		for (int i = length; i < binary.length; i++) {
			if (binary[i] != 0) {
				throw new InvalidPayloadException("Padding is not zero");
			}
		}
		String keyId = HexFormat.of().formatHex(keyIdBytes);
		KeyPair counter = keys.apply(keyId);
		if (counter == null) {
			throw new InvalidPayloadException("Unknown key " + keyId);
		}
		byte[] header = Arrays.copyOf(binary, HEADER_BYTES);
		byte[] ephemeralPoint = Arrays.copyOfRange(binary, HEADER_BYTES, HEADER_BYTES + POINT_BYTES);
		byte[] plain;
		try {
			PublicKey ephemeral = KeyFactory.getInstance("X25519")
				.generatePublic(new X509EncodedKeySpec(concat(X25519_X509_PREFIX, ephemeralPoint)));
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, counter.getPrivate(), ephemeral, ephemeralPoint,
					raw(counter.getPublic()));
			cipher.updateAAD(header);
			plain = cipher.doFinal(binary, HEADER_BYTES + POINT_BYTES, length - HEADER_BYTES - POINT_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new InvalidPayloadException("Integrity check failed", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidPayloadException("Cannot decrypt: " + ex.getMessage(), ex);
		}
		return inflate(plain);
	}

	private static Cipher cipher(int mode, PrivateKey own, PublicKey other, byte[] ephemeralPoint,
			byte[] recipientPoint) throws GeneralSecurityException {
		KeyAgreement agreement = KeyAgreement.getInstance("XDH");
		agreement.init(own);
		agreement.doPhase(other, true);
		byte[] shared = agreement.generateSecret();
		byte[] okm = hkdf(shared, concat(HKDF_INFO, ephemeralPoint, recipientPoint), 32 + 12);
		Arrays.fill(shared, (byte) 0);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		// Each payload has its own ephemeral key, hence its own AES key: the nonce may
		// come
		// from the same derivation.
		cipher.init(mode, new SecretKeySpec(okm, 0, 32, "AES"),
				new GCMParameterSpec(TAG_BYTES * 8, Arrays.copyOfRange(okm, 32, 44)));
		return cipher;
	}

	/** HKDF-SHA256 (RFC 5869) with an all-zero salt. */
	static byte[] hkdf(byte[] inputKeyMaterial, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
		byte[] prk = mac.doFinal(inputKeyMaterial);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		byte[] out = new byte[length];
		byte[] previous = new byte[0];
		int done = 0;
		for (int counter = 1; done < length; counter++) {
			mac.update(previous);
			mac.update(info);
			mac.update((byte) counter);
			previous = mac.doFinal();
			int take = Math.min(previous.length, length - done);
			System.arraycopy(previous, 0, out, done, take);
			done += take;
		}
		return out;
	}

	private static byte[] keyIdBytes(PublicKey key) {
		try {
			return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), KEY_ID_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] raw(PublicKey key) {
		byte[] encoded = key.getEncoded();
		if (encoded.length != X25519_X509_PREFIX.length + POINT_BYTES || !Arrays.equals(encoded, 0,
				X25519_X509_PREFIX.length, X25519_X509_PREFIX, 0, X25519_X509_PREFIX.length)) {
			throw new IllegalArgumentException("Not an X25519 public key");
		}
		return Arrays.copyOfRange(encoded, X25519_X509_PREFIX.length, encoded.length);
	}

	private static byte[] deflate(byte[] plain) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setDictionary(DICTIONARY);
			deflater.setInput(plain);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
			byte[] chunk = new byte[4096];
			while (!deflater.finished()) {
				out.write(chunk, 0, deflater.deflate(chunk));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] inflate(byte[] compressed) throws InvalidPayloadException {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setDictionary(DICTIONARY);
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
			byte[] chunk = new byte[4096];
			while (!inflater.finished()) {
				int n = inflater.inflate(chunk);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new InvalidPayloadException("Compressed data ends early");
				}
				out.write(chunk, 0, n);
				if (out.size() > MAX_PLAIN_BYTES) {
					throw new InvalidPayloadException("Too large when decompressed");
				}
			}
			if (inflater.getRemaining() != 0) {
				throw new InvalidPayloadException("Data after the compressed stream");
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw new InvalidPayloadException("Not compressed data", ex);
		}
		finally {
			inflater.end();
		}
	}

	static String toText(byte[] binary) {
		int blocks = (binary.length + BLOCK_BYTES - 1) / BLOCK_BYTES;
		byte[] padded = Arrays.copyOf(binary, blocks * BLOCK_BYTES);
		ByteBuffer buffer = ByteBuffer.wrap(padded);
		StringBuilder text = new StringBuilder(blocks * BLOCK_CHARS);
		for (int i = 0; i < blocks; i++) {
			String digits = Long.toUnsignedString(buffer.getLong(), 36).toUpperCase(Locale.ROOT);
			text.append("0".repeat(BLOCK_CHARS - digits.length())).append(digits);
		}
		return text.toString();
	}

	static byte[] fromText(String text) throws InvalidPayloadException {
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				continue;
			}
			if (c >= 'a' && c <= 'z') {
				c = (char) (c - 'a' + 'A');
			}
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
				throw new InvalidPayloadException("Character outside 0-9A-Z at " + i);
			}
			clean.append(c);
		}
		if (clean.length() == 0 || clean.length() % BLOCK_CHARS != 0) {
			throw new InvalidPayloadException("Length " + clean.length() + " is not whole blocks");
		}
		ByteBuffer buffer = ByteBuffer.allocate(clean.length() / BLOCK_CHARS * BLOCK_BYTES);
		for (int i = 0; i < clean.length(); i += BLOCK_CHARS) {
			try {
				buffer.putLong(Long.parseUnsignedLong(clean, i, i + BLOCK_CHARS, 36));
			}
			catch (NumberFormatException ex) {
				throw new InvalidPayloadException("Block out of range at " + i, ex);
			}
		}
		return buffer.array();
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
