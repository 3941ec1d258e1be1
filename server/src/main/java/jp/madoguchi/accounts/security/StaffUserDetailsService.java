package jp.madoguchi.accounts.security;

import jp.madoguchi.accounts.domain.Username;
import jp.madoguchi.accounts.domain.Users;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff for sign-in and for API tokens, with permissions read fresh from their
 * groups.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

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
				credentials.lockedUntil(), credentials.mustChangePassword(), users.permissions(username));
	}

}
