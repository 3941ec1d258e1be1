package jp.madoguchi.admin.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** System health for monitoring; retention, holidays and terminals for MASTER_ADMIN. */
@Component
class AdminAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List
			.of(paths("/admin/health", "/api/v1/admin/health").hasAuthority("MONITORING"),
					paths("/admin/retention/**", "/admin/holidays/**", "/admin/terminals/**",
							"/api/v1/admin/retention/**", "/api/v1/admin/holidays/**", "/api/v1/admin/terminals/**")
						.hasAuthority("MASTER_ADMIN"));
	}

}
