package jp.madoguchi.accounts.security;

import jp.madoguchi.accounts.domain.Username;
import jp.madoguchi.accounts.domain.Users;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff for sign-in and for API tokens, with permissions read fresh from their
 * groups. A hash made with weaker Argon2 parameters than today's is replaced at the next
 * successful sign-in ({@link UserDetailsPasswordService}).
 */
@Service
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private static final Logger log = LoggerFactory.getLogger(StaffUserDetailsService.class);

	private final Users users;

	StaffUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	public StaffUser loadUserByUsername(String typed) {
		if (!Username.isValid(typed)) {
			throw new UsernameNotFoundException("unknown user");
		}
		String username = Username.of(typed).value();
		Users.Credentials credentials = users.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new StaffUser(credentials.username(), credentials.passwordHash(), credentials.enabled(),
				credentials.lockedUntil(), credentials.mustChangePassword(), credentials.serviceAccount(),
				users.permissions(username));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, @Nullable String newPassword) {
		if (newPassword != null) {
			users.rehash(user.getUsername(), newPassword);
			log.info("Password hash of '{}' upgraded to the current Argon2 parameters.", user.getUsername());
		}
		return loadUserByUsername(user.getUsername());
	}

}
