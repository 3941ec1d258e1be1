package jp.madoguchi.moving.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public role checks 続柄 against the list the system ships: it must be the list the
 * migration loads into the counter's master, in the same order.
 */
class ShippedRelationshipsTests {

	@Test
	void theShippedListIsTheMigrationsList() throws IOException {
		String sql;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/moving/V2026112530__moving.sql")) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher row = Pattern.compile("\\('\\d+', '([^']+)', \\d+\\)").matcher(sql);
		List<String> names = new ArrayList<>();
		while (row.find()) {
			names.add(row.group(1));
		}
		assertThat(names).hasSize(25);
		assertThat(Findings.SHIPPED_RELATIONSHIPS).containsExactlyElementsOf(names);
	}

}
