package jp.madoguchi.address.persistence;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.address.PostalAddress;
import jp.madoguchi.address.Town;
import jp.madoguchi.address.domain.ImportedAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link ImportedAddresses} in schema {@code address}. */
@Repository
class JdbcImportedAddresses implements ImportedAddresses {

	private final JdbcClient jdbc;

	JdbcImportedAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PostalAddress> byPostalCode(String digits) {
		return jdbc.sql("""
				select postal_code, pref, city, town, pref_kana, city_kana, town_kana, lg_code
				from address.postal_codes where postal_code = ? order by seq""")
			.param(digits)
			.query((rs, n) -> PostalTowns.address(rs.getString("postal_code"), rs.getString("pref"),
					rs.getString("city"), rs.getString("town"), rs.getString("pref_kana"), rs.getString("city_kana"),
					rs.getString("town_kana"), rs.getString("lg_code")))
			.list();
	}

	@Override
	public List<Town> towns(String lgCode, LocalDate on) {
		return jdbc.sql("""
				select lg_code, machiaza_id, pref, county, city, ward, oaza_cho, chome, koaza,
				oaza_cho_kana || chome_kana || koaza_kana as kana, post_code
				from address.towns where lg_code = ? and (ablt_date is null or ablt_date > ?)
				order by machiaza_id""")
			.param(lgCode)
			.param(on)
			.query((rs, n) -> new Town(rs.getString("lg_code"), rs.getString("machiaza_id"), rs.getString("pref"),
					rs.getString("county"), rs.getString("city"), rs.getString("ward"), rs.getString("oaza_cho"),
					rs.getString("chome"), rs.getString("koaza"), rs.getString("kana"), rs.getString("post_code")))
			.list();
	}

}
