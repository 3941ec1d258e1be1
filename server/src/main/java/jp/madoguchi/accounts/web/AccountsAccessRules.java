package jp.madoguchi.accounts.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Users, groups and API tokens: USER_ADMIN's screens and API. */
@Component
class AccountsAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/users/**", "/admin/groups/**", "/admin/api-tokens/**", "/api/v1/admin/users/**",
				"/api/v1/admin/groups/**", "/api/v1/admin/api-tokens/**")
			.hasAuthority("USER_ADMIN"));
	}

}
