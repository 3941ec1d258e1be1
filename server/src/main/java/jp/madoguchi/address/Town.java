package jp.madoguchi.address;

import org.jspecify.annotations.Nullable;

/**
 * One town (町字) of the address base registry's town master.
 *
 * @param lgCode local government code (全国地方公共団体コード), six digits
 * @param machiazaId 町字ID, seven digits, unique within the local government
 * @param prefecture 都道府県名
 * @param county 郡名, empty for cities
 * @param city 市区町村名
 * @param ward 政令市区名, empty outside designated cities
 * @param oazaCho 大字・町名
 * @param chome 丁目名, empty when the town has none
 * @param koaza 小字名, often empty
 * @param kana the reading of oazaCho, chome and koaza together
 * @param postalCode the postal code the master gives, seven digits, or null
 */
public record Town(String lgCode, String machiazaId, String prefecture, String county, String city, String ward,
		String oazaCho, String chome, String koaza, String kana, @Nullable String postalCode) {

	/** The town as written after the city: 大字・町名, 丁目名 and 小字名 together. */
	public String name() {
		return oazaCho + chome + koaza;
	}

}
