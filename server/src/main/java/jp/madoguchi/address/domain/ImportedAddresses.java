package jp.madoguchi.address.domain;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.address.PostalAddress;
import jp.madoguchi.address.Town;

/** The imported address data, as lookups read it. */
public interface ImportedAddresses {

	/** The records of a seven-digit postal code in the file's order. */
	List<PostalAddress> byPostalCode(String digits);

	/** The towns of a local government not abolished on the given day. */
	List<Town> towns(String lgCode, LocalDate on);

}
