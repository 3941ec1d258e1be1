package jp.madoguchi.residentrecord.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/** Deliveries to the resident record system are watched and retried by MASTER_ADMIN. */
@Component
class ResidentRecordAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/resident-record/**", "/api/v1/resident-record/deliveries/**")
			.hasAuthority("MASTER_ADMIN"));
	}

}
