package jp.madoguchi.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jp.madoguchi.reception.domain.QueueMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monitoring shipped in {@code ops/} (issue 22): promtool accepts the alert rules,
 * the Grafana dashboard is well-formed, and every series the rules and the dashboard use
 * is one the application really exports.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MonitoringRulesTests {

	static final Path RULES = Path.of("../ops/prometheus/madoguchi-alerts.yml");

	static final Path DASHBOARD = Path.of("../ops/grafana/madoguchi-dashboard.json");

	static final Pattern SERIES = Pattern.compile("\\b((?:madoguchi|jvm|http_server|process|hikaricp)_[a-z_]+)\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	QueueMetrics queueMetrics;

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		Process promtool = new ProcessBuilder("promtool", "check", "rules", RULES.toString()).redirectErrorStream(true)
			.start();
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor()).as(output).isZero();
		assertThat(output).contains("SUCCESS");
	}

	@Test
	void theDashboardIsAGrafanaDashboardWithUniquePanelsEachQueryingPrometheus() throws Exception {
		JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));
		assertThat(dashboard.get("title").asString()).isEqualTo("Madoguchi");
		assertThat(dashboard.get("uid").asString()).isNotBlank();
		assertThat(dashboard.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
		Set<Integer> ids = new HashSet<>();
		assertThat(dashboard.get("panels")).isNotEmpty();
		for (JsonNode panel : dashboard.get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).as("unique id %s", panel.get("id")).isTrue();
			assertThat(panel.get("title").asString()).isNotBlank();
			assertThat(panel.get("type").asString()).isIn("timeseries", "stat", "gauge");
			assertThat(panel.get("datasource").get("type").asString()).isEqualTo("prometheus");
			JsonNode grid = panel.get("gridPos");
			assertThat(grid.get("w").asInt()).isBetween(1, 24);
			assertThat(grid.get("h").asInt()).isPositive();
			assertThat(panel.get("targets")).isNotEmpty();
			for (JsonNode target : panel.get("targets")) {
				assertThat(target.get("expr").asString()).isNotBlank();
				assertThat(target.get("refId").asString()).isNotBlank();
			}
		}
	}

	@Test
	void everySeriesTheRulesAndTheDashboardUseIsExported() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		// The queue gauges get their rows on the first refresh, a few seconds after
		// start.
		queueMetrics.refresh();
		String scrape = mvc.perform(get("/actuator/prometheus").with(user("operator").authorities(() -> "MONITORING")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Set<String> exported = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.startsWith("#") && !line.isBlank()) {
				exported.add(line.split("[{ ]", 2)[0]);
			}
		}
		Set<String> used = new TreeSet<>();
		used.addAll(series(Files.readString(RULES)));
		for (JsonNode panel : json.readTree(Files.readString(DASHBOARD)).get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				used.addAll(series(target.get("expr").asString()));
			}
		}
		assertThat(used).contains("madoguchi_suspicious_access", "madoguchi_audit_chain_valid",
				"madoguchi_backup_last_success_seconds", "madoguchi_my_number_keys_missing",
				"madoguchi_print_jobs_failed", "madoguchi_data_dir_usable_bytes", "madoguchi_resident_record_backlog");
		assertThat(exported).containsAll(used);
	}

	private static Set<String> series(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = SERIES.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
