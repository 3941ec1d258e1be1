package jp.madoguchi.admin;

import java.time.LocalDate;
import java.time.MonthDay;

import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.text.ClosedDayRule;
import jp.madoguchi.text.ClosedDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The closed-day rule through the API (GET/PUT /api/v1/masters/closed-days) with the real
 * security chain, database and audit trail. A test that changes the rule puts the
 * standard one back.
 */
@SpringBootTest
class ClosedDayApiTests {

	static final String PATH = "/api/v1/masters/closed-days";

	static final RequestPostProcessor ADMIN = user("closed-days-admin").authorities(() -> "MASTER_ADMIN");

	static final RequestPostProcessor CLERK = user("closed-days-clerk").authorities(() -> "NOTIFICATION_EDIT");

	static final RequestPostProcessor STRANGER = user("closed-days-stranger").authorities(() -> "STATISTICS_VIEW");

	@Autowired
	WebApplicationContext context;

	@Autowired
	HolidayService service;

	@Autowired
	ClosedDays closedDays;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aClerkReadsTheRuleAndTheClosedDaysOfARangeWithTheirReasons() throws Exception {
		// 2026-12-26 is a Saturday; 2027-01-01 (元日) a Friday.
		mvc.perform(get(PATH).with(CLERK).param("from", "2026-12-26").param("to", "2027-01-04"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rule.saturdaysClosed").value(true))
			.andExpect(jsonPath("$.rule.yearEndFrom").value("12-29"))
			.andExpect(jsonPath("$.rule.yearEndTo").value("01-03"))
			.andExpect(jsonPath("$.closedDays.length()").value(8))
			.andExpect(jsonPath("$.closedDays[0].day").value("2026-12-26"))
			.andExpect(jsonPath("$.closedDays[0].reasons[0]").value("SATURDAY"))
			.andExpect(jsonPath("$.closedDays[1].day").value("2026-12-27"))
			.andExpect(jsonPath("$.closedDays[1].reasons[0]").value("SUNDAY"))
			.andExpect(jsonPath("$.closedDays[2].day").value("2026-12-29"))
			.andExpect(jsonPath("$.closedDays[2].reasons[0]").value("YEAR_END"))
			.andExpect(jsonPath("$.closedDays[5].day").value("2027-01-01"))
			.andExpect(jsonPath("$.closedDays[5].reasons.length()").value(2))
			.andExpect(jsonPath("$.closedDays[5].reasons[0]").value("HOLIDAY"))
			.andExpect(jsonPath("$.closedDays[5].reasons[1]").value("YEAR_END"))
			.andExpect(jsonPath("$.closedDays[5].holidayName").value("元日"))
			.andExpect(jsonPath("$.closedDays[6].reasons[0]").value("SATURDAY"))
			.andExpect(jsonPath("$.closedDays[6].reasons[1]").value("YEAR_END"))
			.andExpect(jsonPath("$.closedDays[7].day").value("2027-01-03"));
		mvc.perform(get(PATH).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rule.saturdaysClosed").value(true));
	}

	@Test
	void aClerkMayNotChangeTheRuleAndAStrangerMayNotReadIt() throws Exception {
		change(CLERK, "{\"saturdaysClosed\":false,\"yearEndFrom\":\"12-28\",\"yearEndTo\":\"01-05\"}")
			.andExpect(status().isForbidden());
		mvc.perform(get(PATH).with(STRANGER)).andExpect(status().isForbidden());
		assertThat(service.rule()).isEqualTo(ClosedDayRule.STANDARD);
	}

	@Test
	void anAdministratorChangesTheRuleAuditedAndDeadlinesFollowIt() throws Exception {
		long audited = audited();
		try {
			change(ADMIN, "{\"saturdaysClosed\":false,\"yearEndFrom\":\"12-28\",\"yearEndTo\":\"01-05\"}")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.saturdaysClosed").value(false))
				.andExpect(jsonPath("$.yearEndFrom").value("12-28"))
				.andExpect(jsonPath("$.yearEndTo").value("01-05"));
			assertThat(service.rule()).isEqualTo(new ClosedDayRule(false, MonthDay.of(12, 28), MonthDay.of(1, 5)));
			LocalDate saturday = LocalDate.of(2026, 11, 28);
			assertThat(closedDays.deadline(saturday)).isEqualTo(saturday);
			assertThat(audited()).isEqualTo(audited + 1);
		}
		finally {
			service.changeRule(ClosedDayRule.STANDARD, "test");
		}
	}

	@Test
	void badInputAnswers422WithAStableCodeAndLeavesTheRule() throws Exception {
		change(ADMIN, "{\"saturdaysClosed\":true,\"yearEndFrom\":\"13-01\",\"yearEndTo\":\"01-03\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_YEAR_END_DAY"));
		change(ADMIN, "{\"saturdaysClosed\":true,\"yearEndTo\":\"01-03\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_YEAR_END_DAY"));
		change(ADMIN, "{\"yearEndFrom\":\"12-29\",\"yearEndTo\":\"01-03\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CLOSED_DAY_RULE"));
		change(ADMIN, "{\"saturdaysClosed\":true,\"yearEndFrom\":\"12-01\",\"yearEndTo\":\"11-30\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("YEAR_END_TOO_LONG"));
		mvc.perform(get(PATH).with(CLERK).param("from", "2027-01-04").param("to", "2026-12-26"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CLOSED_DAY_RANGE"));
		mvc.perform(get(PATH).with(CLERK).param("from", "2026-01-01").param("to", "2027-12-31"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CLOSED_DAY_RANGE"));
		mvc.perform(get(PATH).with(CLERK).param("from", "2026-02-30").param("to", "2026-03-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CLOSED_DAY_DATE"));
		mvc.perform(get(PATH).with(CLERK).param("from", "2026-02-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CLOSED_DAY_DATE"));
		assertThat(service.rule()).isEqualTo(ClosedDayRule.STANDARD);
	}

	private ResultActions change(RequestPostProcessor who, String body) throws Exception {
		return mvc.perform(put(PATH).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit.events where action = 'CLOSED_DAY_RULE_CHANGED'")
			.query(Long.class)
			.single();
	}

}
