package jp.madoguchi.prefiling.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Reading a prefiling at the counter: reception or notification staff. */
@Component
class PrefilingAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List
			.of(paths("/prefilings/**", "/api/v1/prefilings/**").hasAnyAuthority("RECEPTION", "NOTIFICATION_EDIT"));
	}

}
