package jp.madoguchi.address.web;

import java.util.List;

import jp.madoguchi.platform.AccessRules;

import org.springframework.stereotype.Component;

import static jp.madoguchi.platform.AccessRules.paths;

/**
 * Importing the address master is for MASTER_ADMIN; look-ups are checked by their
 * controller.
 */
@Component
class AddressAccessRules implements AccessRules {

	@Override
	public List<Rule> rules() {
		return List.of(paths("/admin/addresses/**").hasAuthority("MASTER_ADMIN"));
	}

}
