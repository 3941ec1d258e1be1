package jp.madoguchi.guidance.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Editing procedures and their rules is for MASTER_ADMIN. */
@Component
class GuidanceAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/guidance/admin/**").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.PUT, "/api/v1/guidance/procedures/**").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.DELETE, "/api/v1/guidance/procedures/**").hasAuthority("MASTER_ADMIN"),
				paths("/api/v1/guidance/translations/**").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.GET, "/api/v1/guidance/procedures/*/translations").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.POST, "/api/v1/guidance/procedures/import").hasAuthority("MASTER_ADMIN"),
				paths(HttpMethod.POST, "/api/v1/guidance/rules/**").hasAuthority("MASTER_ADMIN"));
	}

}
