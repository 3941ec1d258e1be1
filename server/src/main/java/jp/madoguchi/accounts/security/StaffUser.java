package jp.madoguchi.accounts.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member: permissions become authorities named like the permission.
 */
public final class StaffUser implements UserDetails, CredentialsContainer {

	private final String username;

	private @Nullable String passwordHash;

	private final boolean enabled;

	private final @Nullable Instant lockedUntil;

	private final boolean mustChangePassword;

	private final boolean serviceAccount;

	private final List<GrantedAuthority> authorities;

	StaffUser(String username, String passwordHash, boolean enabled, @Nullable Instant lockedUntil,
			boolean mustChangePassword, boolean serviceAccount, Set<Permission> permissions) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.mustChangePassword = mustChangePassword;
		this.serviceAccount = serviceAccount;
		this.authorities = permissions.stream()
			.map(permission -> (GrantedAuthority) new SimpleGrantedAuthority(permission.name()))
			.toList();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(Instant.now());
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	/** A program's account: API tokens only, never the sign-in form. */
	public boolean serviceAccount() {
		return serviceAccount;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
