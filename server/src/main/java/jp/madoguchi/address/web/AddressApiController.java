package jp.madoguchi.address.web;

import java.util.List;

import jp.madoguchi.address.AddressLookup;
import jp.madoguchi.address.PostalAddress;
import jp.madoguchi.address.PostalCode;
import jp.madoguchi.address.Town;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Address lookups for the counter's screens: any signed-in staff member. */
@RestController
@PreAuthorize("isAuthenticated()")
class AddressApiController {

	private final AddressLookup lookup;

	AddressApiController(AddressLookup lookup) {
		this.lookup = lookup;
	}

	/**
	 * The answer to a postal code lookup.
	 *
	 * @param postalCode the code read, seven digits
	 * @param addresses what it stands for; empty when no address has the code
	 */
	record PostalCodeAnswer(String postalCode, List<PostalAddress> addresses) {
	}

	/** {@code GET /api/v1/addresses?postalCode=085-0000}. */
	@GetMapping("/api/v1/addresses")
	PostalCodeAnswer byPostalCode(@RequestParam(required = false) @Nullable String postalCode) {
		PostalCode code = PostalCode.parse((postalCode != null) ? postalCode : "");
		return new PostalCodeAnswer(code.digits(), lookup.byPostalCode(code.digits()));
	}

	/** {@code GET /api/v1/addresses/towns?lgCode=012068}. */
	@GetMapping("/api/v1/addresses/towns")
	List<Town> towns(@RequestParam(required = false) @Nullable String lgCode) {
		return lookup.towns((lgCode != null) ? lgCode : "");
	}

}
