package jp.madoguchi.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the requests of a one-way link between two systems, so that the receiver can tell
 * the sender's requests from anyone else's on the network: the resident-record link
 * (deliveries and lookups, key {@code resident-record-link.key}) and the queue-status
 * link from the counter to the public site ({@code queue-status-link.key}). Header
 * {@value #HEADER}{@code : t=<unix seconds>,kid=<key id>,sig=<hex>}, where sig is
 * HMAC-SHA256 under the shared link key over {@code t}, the method, the path with its
 * query and the SHA-256 of the body, one per line. The receiver recomputes it and refuses
 * a signature older or newer than a few minutes (a replay). Each link has its own key
 * file in {@code <data-dir>/keys} (created at the first use, mode 600), which the
 * operator hands to the other end once.
 * <p>
 * {@link #tag} makes short MACs for other messages under a key derived from the link key
 * for one purpose (the queue status link's ticket references), so one shared file serves
 * both ends without one MAC ever standing for the other.
 */
public final class LinkSigner {

	public static final String HEADER = "Madoguchi-Signature";

	/** How far a receiver should let the signature's time differ from its clock. */
	public static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

	private final byte[] key;

	private final String keyId;

	private final Clock clock;

	public LinkSigner(byte[] key, Clock clock) {
		this.key = key.clone();
		this.keyId = HexFormat.of().formatHex(sha256(key), 0, 4);
		this.clock = clock;
	}

	/** The key {@code fileName} in the key directory, created the first time. */
	public static LinkSigner inKeyDirectory(Path keys, String fileName, Clock clock) throws IOException {
		Path file = keys.resolve(fileName);
		byte[] key = KeyDirectory.locked(keys, () -> {
			if (!Files.exists(file)) {
				byte[] created = new byte[32];
				new SecureRandom().nextBytes(created);
				PrivateFiles.writeAtomically(file, Base64.getEncoder().encode(created));
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
		});
		return new LinkSigner(key, clock);
	}

	public String keyId() {
		return keyId;
	}

	/** The header value for this request. */
	public String sign(String method, URI uri, byte[] body) {
		long time = clock.instant().getEpochSecond();
		return "t=" + time + ",kid=" + keyId + ",sig=" + mac(key, time, method, target(uri), body);
	}

	/**
	 * What a receiver does: whether the header is a signature under {@code key} of
	 * exactly this request, made within {@link #ALLOWED_SKEW} of {@code now}.
	 */
	public static boolean verify(byte[] key, String header, String method, String target, byte[] body, Instant now) {
		if (header == null) {
			return false;
		}
		Map<String, String> parts = new HashMap<>();
		for (String part : header.split(",")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
			}
		}
		try {
			long time = Long.parseLong(parts.getOrDefault("t", ""));
			if (Duration.between(Instant.ofEpochSecond(time), now).abs().compareTo(ALLOWED_SKEW) > 0) {
				return false;
			}
			return MessageDigest.isEqual(mac(key, time, method, target, body).getBytes(StandardCharsets.US_ASCII),
					parts.getOrDefault("sig", "").getBytes(StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * {@link #verify(byte[], String, String, String, byte[], Instant)} under this link's
	 * key.
	 */
	public boolean verify(String header, String method, String target, byte[] body) {
		return verify(key, header, method, target, body, clock.instant());
	}

	/**
	 * A MAC of {@code message} for one {@code purpose} (base64url, 16 bytes), under a key
	 * derived from the link key: HMAC(link key, "purpose:" + purpose).
	 */
	public String tag(String purpose, String message) {
		try {
			Mac derive = Mac.getInstance("HmacSHA256");
			derive.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] purposeKey = derive.doFinal(("purpose:" + purpose).getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
			byte[] full = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether {@code tag} is {@link #tag}{@code (purpose, message)}, compared in constant
	 * time.
	 */
	public boolean tagMatches(String purpose, String message, String tag) {
		return MessageDigest.isEqual(tag(purpose, message).getBytes(StandardCharsets.US_ASCII),
				tag.getBytes(StandardCharsets.US_ASCII));
	}

	/** The path and query as sent on the request line. */
	public static String target(URI uri) {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return (uri.getRawQuery() == null) ? path : path + "?" + uri.getRawQuery();
	}

	private static String mac(byte[] key, long time, String method, String target, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			String signed = time + "\n" + method + "\n" + target + "\n" + HexFormat.of().formatHex(sha256(body));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
