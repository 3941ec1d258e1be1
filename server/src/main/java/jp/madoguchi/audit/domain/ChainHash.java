package jp.madoguchi.audit.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The hash that links an audit event to its predecessor: SHA-256 for the events written
 * before the chain had a key, HMAC-SHA256 under the {@link ChainKey} since.
 * <p>
 * The hash covers an unambiguous encoding of every field: a version tag, the id and the
 * time as 8-byte big-endian integers (the time in microseconds since the epoch, which is
 * what PostgreSQL stores), then each text field as a 4-byte length and its UTF-8 bytes,
 * with length -1 for null. Length prefixes keep {@code ("ab", "c")} and
 * {@code ("a", "bc")} apart, and null apart from the empty string. Changing this encoding
 * invalidates every stored chain: add a new version tag instead.
 */
public final class ChainHash {

	/** The predecessor hash of the first event. */
	public static final String GENESIS = "0".repeat(64);

	private static final String VERSION = "madoguchi-audit-v1";

	private static final String KEYED_VERSION = "madoguchi-audit-v2";

	private static final HexFormat HEX = HexFormat.of();

	private ChainHash() {
	}

	/** The hash of a stored event, recomputed from its fields. */
	public static String of(AuditEvent event) {
		return of(event.id(), event.occurredAt(), event.actor(), event.terminal(), event.ip(), event.action(),
				event.subject(), event.outcome(), event.detail(), event.prevHash());
	}

	public static String of(long id, Instant occurredAt, @Nullable String actor, @Nullable String terminal,
			@Nullable String ip, String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail,
			String prevHash) {
		return HEX.formatHex(sha256()
			.digest(encode(VERSION, id, occurredAt, actor, terminal, ip, action, subject, outcome, detail, prevHash)));
	}

	/**
	 * HMAC-SHA256 under the chain key over the same encoding, tagged as version 2:
	 * without the key, which is kept outside the database, nobody can write an event that
	 * verifies.
	 */
	static String keyed(byte[] key, long id, Instant occurredAt, @Nullable String actor, @Nullable String terminal,
			@Nullable String ip, String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail,
			String prevHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(encode(KEYED_VERSION, id, occurredAt, actor, terminal, ip, action, subject,
					outcome, detail, prevHash)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	private static byte[] encode(String version, long id, Instant occurredAt, @Nullable String actor,
			@Nullable String terminal, @Nullable String ip, String action, @Nullable String subject,
			AuditOutcome outcome, @Nullable String detail, String prevHash) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			text(out, version);
			out.writeLong(id);
			out.writeLong(micros(occurredAt));
			text(out, actor);
			text(out, terminal);
			text(out, ip);
			text(out, action);
			text(out, subject);
			text(out, outcome.name());
			text(out, detail);
			text(out, prevHash);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The instant as PostgreSQL keeps it: truncated to microseconds. */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, truncate(instant));
	}

	private static void text(DataOutputStream out, @Nullable String value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
