package jp.madoguchi.address.persistence;

import jp.madoguchi.address.PostalAddress;

/**
 * Japan Post's placeholder towns: a code for the whole city is listed with the town
 * {@code 以下に掲載がない場合} ("when not listed below"), and a city whose addresses go straight to
 * the block number with {@code …の次に番地がくる場合}. Neither is a town a resident lives in, so
 * the lookup answers an empty town for them.
 */
final class PostalTowns {

	private PostalTowns() {
	}

	static PostalAddress address(String postalCode, String prefecture, String city, String town, String prefectureKana,
			String cityKana, String townKana, String lgCode) {
		boolean placeholder = town.equals("以下に掲載がない場合") || town.endsWith("の次に番地がくる場合");
		return new PostalAddress(postalCode, prefecture, city, placeholder ? "" : town, prefectureKana, cityKana,
				placeholder ? "" : townKana, lgCode);
	}

}
