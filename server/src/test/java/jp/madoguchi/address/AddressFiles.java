package jp.madoguchi.address;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** Generated address files for tests: realistic shape, made-up content. */
public final class AddressFiles {

	public static final String TOWN_HEADER = "lg_code,machiaza_id,machiaza_type,pref,pref_kana,pref_roma,county,county_kana,"
			+ "county_roma,city,city_kana,city_roma,ward,ward_kana,ward_roma,oaza_cho,oaza_cho_kana,oaza_cho_roma,chome,"
			+ "chome_kana,chome_number,koaza,koaza_kana,koaza_roma,machiaza_dist,rsdt_addr_flg,rsdt_addr_mtd_code,"
			+ "oaza_cho_aka_flg,koaza_aka_code,oaza_cho_gsi_uncmn,koaza_gsi_uncmn,status_flg,wake_num_flg,efct_date,"
			+ "ablt_date,src_code,post_code,remarks";

	private AddressFiles() {
	}

	/** Postal code of generated ken_all row i (0-based): 9000000 + i. */
	public static String postalCode(int i) {
		return String.format("%07d", 9_000_000 + i);
	}

	/**
	 * A utf_ken_all.csv row: quoted texts, one with a comma inside, CRLF as Japan Post
	 * writes.
	 */
	public static String kenAllRow(int i) {
		return "01206,\"900  \",\"" + postalCode(i) + "\",\"ホッカイドウ\",\"テストシ\",\"テストチョウ（" + i
				+ "、イ）\",\"北海道\",\"試験市\",\"試験町（" + i + "、い）\",0,0,1,0,0,0\r\n";
	}

	public static String townRow(int i) {
		return "019992," + String.format("%07d", i) + ",2,北海道,ホッカイドウ,Hokkaido,,,,試験市,テストシ,Test-shi,,,,試験町" + (i / 100)
				+ ",テストチョウ,Testcho,\"" + (i % 100) + "丁目\",チョウメ," + (i % 100) + ",,,,,1,1,0,0,0,0,0,0,2020-04-01,,1,"
				+ postalCode(i) + ",\"generated, not real\"\r\n";
	}

	/** Writes rows 0 … count-1; a row the function answers null for is left out. */
	public static Path write(Path file, String header, int count, IntFunction<String> row) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			if (header != null) {
				out.write(header);
				out.write("\r\n");
			}
			for (int i = 0; i < count; i++) {
				out.write(row.apply(i));
			}
		}
		return file;
	}

}
