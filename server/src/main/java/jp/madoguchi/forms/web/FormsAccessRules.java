package jp.madoguchi.forms.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/**
 * Form templates and printers are for MASTER_ADMIN; the character picker's API shows only
 * what the print font holds, read-only, to anyone (the resident's wizard uses it too).
 */
@Component
class FormsAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/forms/admin/**", "/api/v1/forms/templates/**").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.GET, "/api/v1/characters/**").permitAll());
	}

}
