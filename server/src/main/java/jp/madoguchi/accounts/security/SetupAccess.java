package jp.madoguchi.accounts.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who may register the first administrator on the setup page: a browser on the server
 * itself (a loopback address, not through a proxy), or anyone who types the one-time
 * setup code this process printed in its log at start. Wrong codes count as failed
 * sign-ins of the address ({@link SignInThrottle}).
 */
@Component
public class SetupAccess {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final String code;

	private final SignInThrottle throttle;

	SetupAccess(SignInThrottle throttle) {
		this.throttle = throttle;
		SecureRandom random = new SecureRandom();
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			if (i == 4 || i == 8) {
				text.append('-');
			}
			text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		this.code = text.toString();
	}

	/** The one-time code, for the start-up log only. */
	String code() {
		return code;
	}

	/**
	 * Whether the request comes from the server itself: a loopback peer that no proxy
	 * forwarded (a proxy on the same machine would make every visitor look local).
	 */
	public boolean isLocal(HttpServletRequest request) {
		if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
			return false;
		}
		try {
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Whether this request may complete the setup; a wrong code is counted against the
	 * address.
	 */
	public boolean allows(HttpServletRequest request, @Nullable String typedCode) {
		if (isLocal(request)) {
			return true;
		}
		String typed = (typedCode != null) ? typedCode.strip().toUpperCase(java.util.Locale.ROOT) : "";
		boolean matches = MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8),
				code.getBytes(StandardCharsets.UTF_8));
		if (!matches) {
			throttle.failed(request);
		}
		return matches;
	}

}
