package jp.madoguchi.platform.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Metrics for the monitoring system; the API documentation for administrators. */
@Component
class PlatformAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/actuator/prometheus").hasAuthority("MONITORING"),
				paths("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").hasAnyAuthority("USER_ADMIN",
						"MASTER_ADMIN"));
	}

}
