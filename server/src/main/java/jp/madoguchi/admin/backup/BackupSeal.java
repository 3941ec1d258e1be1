package jp.madoguchi.admin.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * A backup sealed to the operator's public key, so that the server, which holds only the
 * public half, can write backups it cannot read, and a copied backup file reveals nothing
 * without the private half kept off the server.
 * <p>
 * Layout: {@code MADOGUCHI-BACKUP-2\n}, the key's fingerprint and the file key wrapped
 * with RSA-OAEP (SHA-256), a 7-byte nonce prefix, then the archive in AES-256-GCM
 * segments of {@value #SEGMENT} bytes. Each segment's nonce is the prefix, its number and
 * a last-segment flag, so segments cannot be reordered, dropped or cut off at the end
 * unseen; and no segment is larger than memory needs to hold (the JDK's GCM keeps a whole
 * message until its tag is checked).
 */
final class BackupSeal {

	static final byte[] MAGIC = "MADOGUCHI-BACKUP-2\n".getBytes(StandardCharsets.US_ASCII);

	static final int SEGMENT = 64 * 1024;

	private static final int TAG_BYTES = 16;

	private static final int PREFIX_BYTES = 7;

	private static final int RSA_BITS = 3072;

	private static final SecureRandom RANDOM = new SecureRandom();

	private BackupSeal() {
	}

	/** What the header says: whose key opens the file. */
	record Header(String fingerprint, byte[] wrappedKey, byte[] noncePrefix) {
	}

	static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(RSA_BITS, RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first 16 hex digits of SHA-256 over the public key, in groups of four. */
	static String fingerprint(PublicKey key) {
		try {
			String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
			return String.join(":", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12), hex.substring(12));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static PublicKey publicKeyOf(PrivateKey key) {
		if (!(key instanceof RSAPrivateCrtKey rsa)) {
			throw new BackupException("バックアップ用の秘密鍵ではありません（RSA 鍵が必要です）");
		}
		try {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the file starts as a sealed backup. */
	static boolean isSealed(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
		}
	}

	/** A stream that seals what is written to it into {@code out}; close it to finish. */
	static OutputStream sealing(OutputStream out, PublicKey recipient) throws IOException {
		try {
			SecretKey fileKey = newFileKey();
			byte[] prefix = new byte[PREFIX_BYTES];
			RANDOM.nextBytes(prefix);
			Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
			wrap.init(Cipher.WRAP_MODE, recipient, oaep());
			byte[] wrapped = wrap.wrap(fileKey);
			DataOutputStream header = new DataOutputStream(out);
			header.write(MAGIC);
			header.writeUTF(fingerprint(recipient));
			header.writeShort(wrapped.length);
			header.write(wrapped);
			header.write(prefix);
			return new SealingStream(out, fileKey, prefix);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Reads the header; the stream is then at the first segment. */
	static Header header(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] magic = data.readNBytes(MAGIC.length);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new BackupException("暗号化された Madoguchi のバックアップファイルではありません");
		}
		try {
			String fingerprint = data.readUTF();
			byte[] wrapped = new byte[data.readUnsignedShort()];
			data.readFully(wrapped);
			byte[] prefix = new byte[PREFIX_BYTES];
			data.readFully(prefix);
			return new Header(fingerprint, wrapped, prefix);
		}
		catch (EOFException ex) {
			throw new BackupException("バックアップファイルが途中で切れています");
		}
	}

	/**
	 * The archive inside, read segment by segment; a segment that fails its check ends
	 * the read with a {@link BackupException}.
	 * @throws BackupException if {@code key} is not the one the file was sealed to
	 */
	static InputStream opening(InputStream in, Header header, PrivateKey key) {
		String offered = fingerprint(publicKeyOf(key));
		if (!offered.equals(header.fingerprint())) {
			throw new BackupException("指定された秘密鍵（指紋 " + offered + "）は、このバックアップの鍵（指紋 " + header.fingerprint()
					+ "）ではありません。バックアップを作成した時の公開鍵と対になる秘密鍵を指定してください。");
		}
		try {
			Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
			unwrap.init(Cipher.UNWRAP_MODE, key, oaep());
			SecretKey fileKey = (SecretKey) unwrap.unwrap(header.wrappedKey(), "AES", Cipher.SECRET_KEY);
			return new OpeningStream(in, fileKey, header.noncePrefix());
		}
		catch (GeneralSecurityException ex) {
			throw new BackupException("バックアップファイルの鍵を復号できません（ファイルが壊れているか改ざんされています）");
		}
	}

	static String publicKeyPem(PublicKey key) {
		return pem("PUBLIC KEY", key.getEncoded());
	}

	static String privateKeyPem(PrivateKey key) {
		return pem("PRIVATE KEY", key.getEncoded());
	}

	static PublicKey readPublicKey(Path file) throws IOException {
		try {
			return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(unpem(file, "PUBLIC KEY")));
		}
		catch (GeneralSecurityException ex) {
			throw new BackupException("バックアップ用の公開鍵として読めません: " + file);
		}
	}

	static PrivateKey readPrivateKey(Path file) throws IOException {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unpem(file, "PRIVATE KEY")));
		}
		catch (GeneralSecurityException ex) {
			throw new BackupException("バックアップ用の秘密鍵として読めません: " + file);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] unpem(Path file, String type) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new BackupException("鍵ファイルがありません: " + file);
		}
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new BackupException("鍵ファイルの形式が違います（" + begin + " がありません）: " + file);
		}
		try {
			return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
		}
		catch (IllegalArgumentException ex) {
			throw new BackupException("鍵ファイルが壊れています: " + file);
		}
	}

	private static SecretKey newFileKey() throws GeneralSecurityException {
		KeyGenerator generator = KeyGenerator.getInstance("AES");
		generator.init(256, RANDOM);
		return generator.generateKey();
	}

	private static OAEPParameterSpec oaep() {
		return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
	}

	private static GCMParameterSpec nonce(byte[] prefix, int segment, boolean last) {
		ByteBuffer nonce = ByteBuffer.allocate(12);
		nonce.put(prefix).putInt(segment).put((byte) (last ? 1 : 0));
		return new GCMParameterSpec(TAG_BYTES * 8, nonce.array());
	}

	private static byte[] seal(SecretKey key, byte[] prefix, int segment, boolean last, byte[] plain, int length) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, nonce(prefix, segment, last));
			return cipher.doFinal(plain, 0, length);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Buffers one segment; a full one goes out when more follows, the rest at close. */
	private static final class SealingStream extends FilterOutputStream {

		private final SecretKey key;

		private final byte[] prefix;

		private final byte[] buffer = new byte[SEGMENT];

		private int filled;

		private int segment;

		private boolean closed;

		SealingStream(OutputStream out, SecretKey key, byte[] prefix) {
			super(out);
			this.key = key;
			this.prefix = prefix;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			int at = offset;
			int left = length;
			while (left > 0) {
				if (filled == SEGMENT) {
					out.write(seal(key, prefix, segment++, false, buffer, filled));
					filled = 0;
				}
				int n = Math.min(left, SEGMENT - filled);
				System.arraycopy(bytes, at, buffer, filled, n);
				filled += n;
				at += n;
				left -= n;
			}
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			if (!closed) {
				closed = true;
				out.write(seal(key, prefix, segment, true, buffer, filled));
				out.close();
			}
		}

	}

	/**
	 * Opens one segment at a time; the one the file ends with must say it is the last.
	 */
	private static final class OpeningStream extends InputStream {

		private final PushbackInputStream in;

		private final SecretKey key;

		private final byte[] prefix;

		private byte[] plain = new byte[0];

		private int position;

		private int segment;

		private boolean ended;

		OpeningStream(InputStream in, SecretKey key, byte[] prefix) {
			this.in = new PushbackInputStream(in, 1);
			this.key = key;
			this.prefix = prefix;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			while (position == plain.length) {
				if (ended) {
					return -1;
				}
				next();
			}
			int n = Math.min(length, plain.length - position);
			System.arraycopy(plain, position, bytes, offset, n);
			position += n;
			return n;
		}

		private void next() throws IOException {
			byte[] sealed = in.readNBytes(SEGMENT + TAG_BYTES);
			int peek = in.read();
			boolean last = peek < 0;
			if (!last) {
				in.unread(peek);
			}
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.DECRYPT_MODE, key, nonce(prefix, segment++, last));
				plain = cipher.doFinal(sealed);
			}
			catch (AEADBadTagException ex) {
				throw new BackupException("バックアップファイルが壊れているか改ざんされています（" + segment + " 番目の区画）");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			position = 0;
			ended = last;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
