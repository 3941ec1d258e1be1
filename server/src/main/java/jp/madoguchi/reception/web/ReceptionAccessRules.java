package jp.madoguchi.reception.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/**
 * Queues and counters for MASTER_ADMIN; the board, queues and receptions for RECEPTION.
 */
@Component
class ReceptionAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(
				paths("/reception/admin/**", "/api/v1/admin/queues/**", "/api/v1/admin/departments/**",
						"/api/v1/admin/display-tokens/**")
					.hasAuthority("MASTER_ADMIN"),
				// Call displays have no staff login: the controller lets in
				// RECEPTION or a display token.
				paths("/display/**").permitAll(),
				paths(HttpMethod.PUT, "/api/v1/receptions/*/legal-hold").hasAuthority("MASTER_ADMIN"),
				paths("/reception/**", "/api/v1/receptions/**", "/api/v1/queues/**").hasAuthority("RECEPTION"));
	}

}
