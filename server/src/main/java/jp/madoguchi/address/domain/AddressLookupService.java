package jp.madoguchi.address.domain;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.address.AddressLookup;
import jp.madoguchi.address.PostalAddress;
import jp.madoguchi.address.PostalCode;
import jp.madoguchi.address.Town;

import org.springframework.stereotype.Service;

/** {@link AddressLookup} over the imported tables. */
@Service
class AddressLookupService implements AddressLookup {

	private final ImportedAddresses queries;

	AddressLookupService(ImportedAddresses queries) {
		this.queries = queries;
	}

	@Override
	public List<PostalAddress> byPostalCode(String postalCode) {
		return queries.byPostalCode(PostalCode.parse(postalCode).digits());
	}

	@Override
	public List<Town> towns(String lgCode) {
		return queries.towns(LocalGovernmentCodes.parse(lgCode), LocalDate.now());
	}

}
