package jp.madoguchi.admin.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/**
 * System health for monitoring; the holiday master for MASTER_ADMIN; the closed-day rule
 * and the counter's opening hours read by the staff who read the other masters and
 * changed by MASTER_ADMIN.
 */
@Component
class AdminAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/health", "/api/v1/admin/health").hasAuthority("MONITORING"),
				paths("/admin/holidays/**", "/api/v1/admin/holidays/**").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.GET, ClosedDayApiController.PATH).hasAnyAuthority("NOTIFICATION_EDIT",
						"NOTIFICATION_ACCEPT", "RECEPTION", "MASTER_ADMIN"),
				paths(ClosedDayApiController.PATH).hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.GET, OpeningHoursApiController.PATH).hasAnyAuthority("NOTIFICATION_EDIT",
						"NOTIFICATION_ACCEPT", "RECEPTION", "MASTER_ADMIN"),
				paths(OpeningHoursApiController.PATH).hasAuthority("MASTER_ADMIN"));
	}

}
