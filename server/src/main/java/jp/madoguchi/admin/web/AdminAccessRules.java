package jp.madoguchi.admin.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** System health for monitoring; the holiday master for MASTER_ADMIN. */
@Component
class AdminAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/health", "/api/v1/admin/health").hasAuthority("MONITORING"),
				paths("/admin/holidays/**", "/api/v1/admin/holidays/**").hasAuthority("MASTER_ADMIN"));
	}

}
