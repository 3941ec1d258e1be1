package jp.madoguchi.terminals.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** The terminal master and pairing: MASTER_ADMIN. */
@Component
class TerminalsAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/terminals/**", "/api/v1/admin/terminals/**").hasAuthority("MASTER_ADMIN"));
	}

}
