package jp.madoguchi.address;

/**
 * One record of Japan Post's postal code file: the area a postal code stands for. Kana
 * are full-width katakana as in {@code utf_ken_all.csv}. The file's placeholder towns
 * ({@code 以下に掲載がない場合}, {@code …の次に番地がくる場合}) come back as an empty town: the code covers
 * the whole city and the town has to be asked.
 *
 * @param postalCode seven digits, no hyphen
 * @param prefecture 都道府県名
 * @param city 市区町村名 (with the ward of a designated city, e.g. {@code 札幌市中央区})
 * @param town 町域名, possibly empty
 * @param prefectureKana 都道府県名カナ
 * @param cityKana 市区町村名カナ
 * @param townKana 町域名カナ, possibly empty
 * @param lgCode local government code (全国地方公共団体コード), six digits with the check digit
 */
public record PostalAddress(String postalCode, String prefecture, String city, String town, String prefectureKana,
		String cityKana, String townKana, String lgCode) {

}
