package jp.madoguchi.statistics.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Statistics need STATISTICS_VIEW. */
@Component
class StatisticsAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/statistics/**", "/statistics", "/api/v1/statistics/**").hasAuthority("STATISTICS_VIEW"));
	}

}
