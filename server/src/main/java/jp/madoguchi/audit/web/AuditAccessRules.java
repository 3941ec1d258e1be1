package jp.madoguchi.audit.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** The audit trail needs AUDIT_VIEW. */
@Component
class AuditAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/audit/**", "/api/v1/audit/**").hasAuthority("AUDIT_VIEW"));
	}

}
