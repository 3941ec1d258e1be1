package jp.madoguchi.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

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

	private final SecureRandom random = new SecureRandom();

	ApiTokenService(ApiTokens tokens, Users users, AuditTrail audit) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokens() {
		return tokens.all();
	}

	public NewApiToken createToken(String name, String username, String createdBy) {
		if (name.isBlank() || name.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("tokenName");
		}
		if (!users.exists(username)) {
			throw ProblemException.invalid("USER_NOT_FOUND");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + HexFormat.of().formatHex(bytes);
		ApiToken token = tokens.add(name.strip(), username, hash(secret), secret.substring(0, 12), createdBy);
		audit.record(AuditEntry.success("API_TOKEN_CREATED", "api-token:" + token.id(),
				"name=" + token.name() + " user=" + username));
		return new NewApiToken(token, secret);
	}

	public void revokeToken(long id) {
		ApiToken token = tokens.find(id).orElseThrow(() -> ProblemException.notFound("API_TOKEN_NOT_FOUND"));
		if (tokens.revoke(id)) {
			audit.record(AuditEntry.success("API_TOKEN_REVOKED", "api-token:" + id, "user=" + token.username()));
		}
	}

	/** The user a presented token acts for, if the token is known and not revoked. */
	public Optional<String> userOfToken(String secret) {
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
