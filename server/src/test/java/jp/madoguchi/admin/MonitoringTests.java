package jp.madoguchi.admin;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login-failure metric and the operations health page. */
@SpringBootTest
class MonitoringTests {

	static final RequestPostProcessor OPERATOR = user("operator").authorities(() -> "MONITORING");

	@Autowired
	WebApplicationContext context;

	@Autowired
	MeterRegistry meters;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void failedSignInsAreCounted() throws Exception {
		double before = failures();
		mvc.perform(post("/login").with(csrf()).param("username", "nobody-here").param("password", "wrong-password-1"));
		mvc.perform(post("/login").with(csrf()).param("username", "nobody-here").param("password", "wrong-password-2"));
		assertThat(failures()).isEqualTo(before + 2);
		mvc.perform(get("/actuator/prometheus").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("madoguchi_login_failures_total{reason=\"credentials\"}")));
	}

	@Test
	void theScrapeKeepsJvmAndPoolSeriesButNotTheExcludedBinders() throws Exception {
		// application.yml excludes meter binders nobody reads (docs/operations.md).
		String scrape = mvc.perform(get("/actuator/prometheus").with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(scrape).contains("jvm_memory_used_bytes", "process_cpu_usage", "hikaricp_connections")
			.doesNotContain("logback_events_total", "application_started_time_seconds");
	}

	@Test
	void theHealthPageShowsDatabaseDiskAuditPurgeAndVersion() throws Exception {
		mvc.perform(get("/admin/health").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"health-database\"")))
			.andExpect(content().string(containsString("id=\"health-disk\"")))
			.andExpect(content().string(containsString("id=\"health-audit\"")))
			.andExpect(content().string(containsString("id=\"health-purge\"")))
			.andExpect(content().string(containsString("moving.notifications")));
		mvc.perform(get("/api/v1/admin/health?recheck=true").with(OPERATOR))
			.andExpect(jsonPath("$.database.up").value(true))
			.andExpect(jsonPath("$.audit.verification.valid").value(true))
			.andExpect(jsonPath("$.version").isNotEmpty())
			.andExpect(jsonPath("$.pendingPurge['audit.events']").isNumber());
		mvc.perform(get("/admin/health").with(user("clerk").authorities(() -> "RECEPTION")))
			.andExpect(status().isForbidden());
	}

	private double failures() {
		return meters.get("madoguchi.login.failures").tag("reason", "credentials").counter().count();
	}

}
