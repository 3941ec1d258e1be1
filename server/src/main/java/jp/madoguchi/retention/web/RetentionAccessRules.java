package jp.madoguchi.retention.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Retention settings, purge runs and their API: MASTER_ADMIN. */
@Component
class RetentionAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/retention/**", "/api/v1/admin/retention/**").hasAuthority("MASTER_ADMIN"));
	}

}
