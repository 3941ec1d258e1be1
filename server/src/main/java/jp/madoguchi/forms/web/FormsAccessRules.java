package jp.madoguchi.forms.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Form templates and printers are for MASTER_ADMIN. */
@Component
class FormsAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/forms/admin/**", "/api/v1/forms/templates/**").hasAuthority("MASTER_ADMIN"));
	}

}
