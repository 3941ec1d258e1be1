package jp.madoguchi.address;

import java.util.List;

/**
 * Looks addresses up in the imported postal codes and town master.
 */
public interface AddressLookup {

	/**
	 * The addresses a postal code (郵便番号) stands for, in the order of Japan Post's file.
	 * Accepts {@code 0850000}, {@code 085-0000}, full-width digits and hyphens and a
	 * leading {@code 〒}.
	 * @param postalCode the code as typed
	 * @return the addresses, empty for a well-formed code nobody uses
	 * @throws jp.madoguchi.platform.ProblemException 422 {@code INVALID_POSTAL_CODE} when
	 * the text is not a seven-digit code
	 */
	List<PostalAddress> byPostalCode(String postalCode);

	/**
	 * The towns (町字) of a local government that are in force today, in the order of the
	 * town master.
	 * @param lgCode the local government code (全国地方公共団体コード), six digits, or five without
	 * the check digit
	 * @return the towns, empty for an unknown code
	 * @throws jp.madoguchi.platform.ProblemException 422 {@code INVALID_LG_CODE} when the
	 * text is not a five- or six-digit code
	 */
	List<Town> towns(String lgCode);

}
