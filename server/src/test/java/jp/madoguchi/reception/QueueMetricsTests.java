package jp.madoguchi.reception;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.reception.domain.QueueMetrics;
import jp.madoguchi.reception.domain.TicketIssuing;
import jp.madoguchi.support.MovableClock;
import jp.madoguchi.support.MutableClock;
import jp.madoguchi.support.TestQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Queue gauges as Prometheus scrapes them: waiting count, the longest wait and the
 * estimate, per queue, on a clock the test moves (a day in 2034 no other test uses).
 */
@Import(MovableClock.class)
@SpringBootTest
class QueueMetricsTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	TicketIssuing issuing;

	@Autowired
	Calling calling;

	@Autowired
	QueueMetrics metrics;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		clock.set(LocalDateTime.of(2034, 3, 6, 9, 0));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void prometheusShowsWaitingLongestWaitAndEstimatePerQueue() throws Exception {
		String queue = TestQueues.create(mvc, 2, 6);
		String idle = TestQueues.create(mvc, 1, 5);
		for (int i = 0; i < 3; i++) {
			issuing.issue(NewReception.of(queue));
			clock.advance(Duration.ofMinutes(4));
		}
		calling.callNext(queue, "1");
		clock.advance(Duration.ofSeconds(30));
		metrics.refresh();

		String scrape = scrape();
		// two wait; the first of them came 8 minutes 30 seconds ago (the called one
		// no longer waits)
		assertThat(scrape).contains("madoguchi_queue_waiting{queue=\"" + queue + "\"} 2.0");
		assertThat(scrape).contains("madoguchi_queue_longest_wait_seconds{queue=\"" + queue + "\"} 510.0");
		// ceil(2 × 6 minutes / 2 open counters) = 6 minutes (default service time, no
		// measurements yet)
		assertThat(scrape).contains("madoguchi_queue_estimated_wait_seconds{queue=\"" + queue + "\"} 360.0");
		assertThat(scrape).contains("madoguchi_queue_waiting{queue=\"" + idle + "\"} 0.0");
		assertThat(scrape).contains("madoguchi_queue_longest_wait_seconds{queue=\"" + idle + "\"} 0.0");

		calling.callNext(queue, "2");
		calling.callNext(queue, "1");
		metrics.refresh();
		assertThat(scrape()).contains("madoguchi_queue_waiting{queue=\"" + queue + "\"} 0.0");

		mvc.perform(get("/actuator/prometheus").with(user("clerk-metrics").authorities(() -> "RECEPTION")))
			.andExpect(status().isForbidden());
	}

	private String scrape() throws Exception {
		return mvc.perform(get("/actuator/prometheus").with(user("monitor").authorities(() -> "MONITORING")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
