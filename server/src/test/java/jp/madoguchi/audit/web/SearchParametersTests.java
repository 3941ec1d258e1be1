package jp.madoguchi.audit.web;

import java.time.Instant;

import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchParametersTests {

	@Test
	void datesAreWholeDaysInTokyoBothEndsInclusive() {
		AuditQuery query = parse(new SearchParameters(null, null, null, null, "2026-11-25", "2026-11-25", null));
		assertThat(query.from()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-11-25T14:59:59.999999Z"));
		assertThat(query.limit()).isEqualTo(100);
	}

	@Test
	void dateTimesWithOrWithoutOffset() {
		AuditQuery query = parse(
				new SearchParameters(null, null, null, null, "2026-11-25T09:00:00+09:00", "2026-11-25T10:30", "1000"));
		assertThat(query.from()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
		assertThat(query.limit()).isEqualTo(1000);
	}

	@Test
	void blanksDoNotFilterAndCodesAreNormalised() {
		AuditQuery query = parse(new SearchParameters(" ", " user:* ", "login", "denied", "", null, " 5 "));
		assertThat(query.actor()).isNull();
		assertThat(query.subject()).isEqualTo("user:*");
		assertThat(query.subjectIsPrefix()).isTrue();
		assertThat(query.action()).isEqualTo("LOGIN");
		assertThat(query.outcome()).isEqualTo(AuditOutcome.DENIED);
		assertThat(query.limit()).isEqualTo(5);
	}

	@Test
	void namesEveryBadParameter() {
		SearchParameters.Parsed parsed = new SearchParameters(null, null, null, "maybe", "2026-13-01", "yesterday",
				"1001")
			.parse();
		assertThat(parsed.query()).isNull();
		assertThat(parsed.problems()).extracting(SearchParameters.FieldProblem::field)
			.containsExactly("outcome", "from", "to", "limit");
		assertThat(problems("0")).containsExactly("limit");
		assertThat(problems("ten")).containsExactly("limit");
		assertThat(new SearchParameters(null, null, null, null, "2026-11-26", "2026-11-25", null).parse().problems())
			.extracting(SearchParameters.FieldProblem::messageCode)
			.containsExactly("audit.error.range");
	}

	@Test
	void linksAndDescribesTheGivenFilters() {
		SearchParameters parameters = new SearchParameters("田中 一郎", "user:*", null, "", "2026-11-01", null, "50");
		assertThat(parameters.link("/audit/events.csv"))
			.isEqualTo("/audit/events.csv?user=%E7%94%B0%E4%B8%AD%20%E4%B8%80%E9%83%8E&subject=user:*&from=2026-11-01");
		assertThat(parameters.describe()).isEqualTo("user=田中 一郎 subject=user:* from=2026-11-01 limit=50");
		assertThat(SearchParameters.none().link("/audit/events.csv")).isEqualTo("/audit/events.csv");
	}

	static AuditQuery parse(SearchParameters parameters) {
		SearchParameters.Parsed parsed = parameters.parse();
		assertThat(parsed.problems()).isEmpty();
		return parsed.query();
	}

	static java.util.List<String> problems(String limit) {
		return new SearchParameters(null, null, null, null, null, null, limit).parse()
			.problems()
			.stream()
			.map(SearchParameters.FieldProblem::field)
			.toList();
	}

}
