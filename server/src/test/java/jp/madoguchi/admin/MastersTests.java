package jp.madoguchi.admin;

import java.time.LocalDate;

import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.admin.domain.Holidays;
import jp.madoguchi.moving.domain.Findings;
import jp.madoguchi.support.Households;
import jp.madoguchi.text.ClosedDayRule;
import jp.madoguchi.text.ClosedDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Holidays and business days through the real security chain and database. */
@SpringBootTest
class MastersTests {

	static final RequestPostProcessor ADMIN = user("masters-admin").authorities(() -> "MASTER_ADMIN");

	@Autowired
	WebApplicationContext context;

	@Autowired
	Holidays holidays;

	@Autowired
	JsonMapper json;

	@Autowired
	HolidayService service;

	@Autowired
	ClosedDays closedDays;

	@Autowired
	Findings findings;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theOrdinancesRuleIsShownAndEditableAndEveryDeadlineFollowsIt() throws Exception {
		LocalDate saturday = LocalDate.of(2026, 11, 28);
		assertThat(closedDays).isSameAs(service);
		assertThat(closedDays.deadline(saturday)).isEqualTo(LocalDate.of(2026, 11, 30));
		mvc.perform(get("/admin/holidays").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"closed-day-rule\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"12-29\"")));
		try {
			// A city whose ordinance keeps Saturdays open and closes 12/28-1/5.
			mvc.perform(post("/admin/holidays/rule").with(ADMIN)
				.with(csrf())
				.param("yearEndFrom", "12-28")
				.param("yearEndTo", "01-05")).andExpect(status().is3xxRedirection());
			assertThat(service.rule())
				.isEqualTo(new ClosedDayRule(false, java.time.MonthDay.of(12, 28), java.time.MonthDay.of(1, 5)));
			assertThat(closedDays.deadline(saturday)).isEqualTo(saturday);
			assertThat(closedDays.deadline(LocalDate.of(2027, 1, 5))).isEqualTo(LocalDate.of(2027, 1, 6));
			// Moved 11-14, the 14th day is that Saturday: now late on Monday.
			assertThat(findings.of(Households.familyMovingIn(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 30))))
				.extracting(f -> f.code())
				.contains("FILED_LATE");
			// A day that is none is refused, and the rule stays.
			mvc.perform(post("/admin/holidays/rule").with(ADMIN)
				.with(csrf())
				.param("saturdaysClosed", "true")
				.param("yearEndFrom", "13-01")
				.param("yearEndTo", "01-05"))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
					.attribute("failure", org.hamcrest.Matchers.containsString("13-01")));
			assertThat(service.rule().saturdaysClosed()).isFalse();
		}
		finally {
			service.changeRule(ClosedDayRule.STANDARD, "test");
		}
		assertThat(closedDays.deadline(saturday)).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void aYearWhoseListIsNotLoadedCountsTheHolidaysOfTheLaw() {
		// 2028 is not in the shipped list; 成人の日 is Monday 1-10.
		assertThat(holidays.isHoliday(LocalDate.of(2028, 1, 10))).isFalse();
		assertThat(closedDays.isClosed(LocalDate.of(2028, 1, 10))).isTrue();
		assertThat(closedDays.isClosed(LocalDate.of(2028, 1, 11))).isFalse();
	}

	@Test
	void theCabinetOfficeListIsSeededAndDeadlinesSkipClosedDays() {
		assertThat(holidays.isHoliday(LocalDate.of(2026, 9, 22))).as("国民の休日").isTrue();
		assertThat(holidays.isHoliday(LocalDate.of(2027, 3, 22))).as("振替休日 of 春分の日").isTrue();
		assertThat(holidays.isHoliday(LocalDate.of(2026, 9, 24))).isFalse();
		assertThat(holidays.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).hasSize(19);
		assertThat(holidays.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).hasSize(18);
		assertThat(holidays.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))).hasSize(17);
		// Golden Week 2026: Sat 5/2, Sun 5/3, holidays 5/4-5/6
		assertThat(holidays.businessDayOnOrAfter(LocalDate.of(2026, 5, 2))).isEqualTo(LocalDate.of(2026, 5, 7));
		assertThat(holidays.isBusinessDay(LocalDate.of(2026, 5, 1))).isTrue();
		// year-end closure: 12/29-1/3, then 1/4/2027 is a Monday
		assertThat(holidays.addBusinessDays(LocalDate.of(2026, 12, 28), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(holidays.isBusinessDay(LocalDate.of(2027, 1, 3))).isFalse();
	}

	@Test
	void administratorsAddAndRemoveHolidays() throws Exception {
		LocalDate day = LocalDate.of(2028, 1, 1);
		mvc.perform(post("/api/v1/admin/holidays").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"day\":\"2028-01-01\",\"name\":\"元日\"}")).andExpect(status().isCreated());
		assertThat(holidays.isHoliday(day)).isTrue();
		mvc.perform(post("/api/v1/admin/holidays").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"day\":\"2028-01-01\",\"name\":\"元日\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("HOLIDAY_EXISTS"));
		mvc.perform(get("/admin/holidays?year=2028").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-day=\"2028-01-01\"")));
		mvc.perform(delete("/api/v1/admin/holidays/2028-01-01").with(ADMIN).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(holidays.isHoliday(day)).isFalse();
		mvc.perform(get("/api/v1/admin/holidays?year=2026").with(user("clerk").authorities(() -> "RECEPTION")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aHolidayFileIsImportedAllOrNoneAndAgainWithoutChange() throws Exception {
		// 2029: no seeded list, nothing else in this class uses it
		String file = "日付,名称\n2029-12-28,庁舎の設備点検\n2029/12/30,年末年始の閉庁日\n";
		try {
			mvc.perform(post("/api/v1/admin/holidays/import").with(ADMIN)
				.with(csrf())
				.contentType("text/csv")
				.content((file + "2029-13-01,誤り\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("CSV_INVALID"))
				.andExpect(jsonPath("$.line").value(4))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2026-12-28 の形")));
			assertThat(holidays.isHoliday(LocalDate.of(2029, 12, 28))).as("all or none").isFalse();
			mvc.perform(post("/api/v1/admin/holidays/import").with(ADMIN)
				.with(csrf())
				.contentType("text/csv")
				.content(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.added").value(2));
			assertThat(holidays.isHoliday(LocalDate.of(2029, 12, 30))).isTrue();
			mvc.perform(post("/api/v1/admin/holidays/import").with(ADMIN)
				.with(csrf())
				.contentType("text/csv")
				.content(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.added").value(0))
				.andExpect(jsonPath("$.unchanged").value(2));
			mvc.perform(post("/api/v1/admin/holidays/import").with(ADMIN)
				.with(csrf())
				.contentType("text/csv")
				.content("日付,名称\n2029-12-28,別の名前\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("2 行目: ")));
			mvc.perform(post("/api/v1/admin/holidays/import").with(ADMIN)
				.with(csrf())
				.contentType("text/csv")
				.content("日付,名称\n2029-12-28,x\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS"))))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("UTF-8")));
		}
		finally {
			service.remove(LocalDate.of(2029, 12, 28));
			service.remove(LocalDate.of(2029, 12, 30));
		}
	}

}
