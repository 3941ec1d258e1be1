package jp.madoguchi.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for programs: issued with a secret shown once, revoked, and resolved to the
 * user they act for. Only the hash of a secret is stored.
 */
@Service
@Transactional
public class ApiTokenService {

	private static final String TOKEN_PREFIX = "mdg_";

	private final ApiTokens tokens;

	private final Users users;

	private final AuditTrail audit;

	private final AccountsProperties properties;

	private final SecureRandom random = new SecureRandom();

	ApiTokenService(ApiTokens tokens, Users users, AuditTrail audit, AccountsProperties properties) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokens() {
		return tokens.all();
	}

	/**
	 * Issues a token for the caller themselves or for a service account; a token for any
	 * other user would let the caller act under that user's name, and is refused with 403
	 * {@code TOKEN_FOR_OTHER_USER}.
	 * @param validDays days until the token expires; null for the configured default
	 */
	public NewApiToken createToken(String name, String username, String createdBy, @Nullable Integer validDays) {
		if (name.isBlank() || name.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("tokenName");
		}
		UserAccount user = users.find(username).orElseThrow(() -> ProblemException.invalid("USER_NOT_FOUND"));
		if (!user.username().equals(createdBy) && !user.serviceAccount()) {
			audit.record(AuditEntry.denied("API_TOKEN_CREATED", AccountMessages.subject(username),
					"for another user who is not a service account"));
			throw new ProblemException(HttpStatus.FORBIDDEN, "TOKEN_FOR_OTHER_USER");
		}
		Duration lifetime = (validDays != null) ? Duration.ofDays(validDays) : properties.tokenLifetime();
		if (lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(properties.tokenMaximumLifetime()) > 0) {
			throw ProblemException.invalid("VALIDATION_FAILED", properties.tokenMaximumLifetime().toDays())
				.because("tokenExpiry");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + HexFormat.of().formatHex(bytes);
		ApiToken token = tokens.add(name.strip(), username, hash(secret), secret.substring(0, 12), createdBy,
				Instant.now().plus(lifetime));
		audit.record(AuditEntry.success("API_TOKEN_CREATED", token.subject(),
				"name=" + token.name() + " user=" + username + " expires=" + token.expiresAt()));
		return new NewApiToken(token, secret);
	}

	public void revokeToken(long id) {
		ApiToken token = tokens.find(id).orElseThrow(() -> ProblemException.notFound("API_TOKEN_NOT_FOUND"));
		if (tokens.revoke(id)) {
			audit.record(AuditEntry.success("API_TOKEN_REVOKED", token.subject(), "user=" + token.username()));
		}
	}

	/**
	 * The presented token, if it is known and not revoked; the caller refuses it when it
	 * has expired.
	 */
	public Optional<ApiToken> presentedToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return tokens.useToken(hash(secret));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
