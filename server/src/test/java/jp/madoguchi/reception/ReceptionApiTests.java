package jp.madoguchi.reception;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.reception.domain.Ticket;
import jp.madoguchi.reception.domain.TicketIssuing;
import jp.madoguchi.support.MovableClock;
import jp.madoguchi.support.MutableClock;
import jp.madoguchi.support.TestQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Receptions and queues through the real security chain and database, on a clock the
 * tests move.
 */
@Import(MovableClock.class)
@SpringBootTest
class ReceptionApiTests {

	static final RequestPostProcessor CLERK = user("clerk-reception").authorities(() -> "RECEPTION");

	static final RequestPostProcessor ADMIN = user("admin-reception").authorities(() -> "MASTER_ADMIN");

	static final RequestPostProcessor EDITOR = user("editor-reception").authorities(() -> "NOTIFICATION_EDIT");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TicketIssuing issuing;

	@Autowired
	Calling calling;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		clock.set(LocalDateTime.of(2026, 11, 26, 9, 0));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aFreshSystemHasTheMovingQueueWithFourCounters() throws Exception {
		mvc.perform(get("/api/v1/queues").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'moving')].name").value("住民異動"))
			.andExpect(jsonPath("$[?(@.code == 'moving')].counters[*].code")
				.value(org.hamcrest.Matchers.contains("1", "2", "3", "4")));
	}

	@Test
	void aTicketWaitsAndIsCalledToTheCounter() throws Exception {
		String queue = TestQueues.create(mvc, 2);
		JsonNode first = create(queue);
		JsonNode second = create(queue);
		assertThat(first.get("status").asString()).isEqualTo("WAITING");
		assertThat(first.get("queue").asString()).isEqualTo(queue);
		assertThat(first.get("position").asInt()).isEqualTo(1);
		assertThat(second.get("position").asInt()).isEqualTo(2);
		assertThat(second.get("ticketNumber").asInt()).isEqualTo(first.get("ticketNumber").asInt() + 1);

		mvc.perform(get("/api/v1/queues/" + queue).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.waiting").value(2))
			.andExpect(jsonPath("$.calledNow").isEmpty());

		callNext(queue, "2").andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(first.get("id").asString()))
			.andExpect(jsonPath("$.status").value("CALLED"))
			.andExpect(jsonPath("$.counter").value("2"));

		mvc.perform(get("/api/v1/queues/" + queue).with(CLERK))
			.andExpect(jsonPath("$.waiting").value(1))
			.andExpect(jsonPath("$.calledNow[0].ticketNumber").value(first.get("ticketNumber").asInt()))
			.andExpect(jsonPath("$.calledNow[0].counter").value("2"));
	}

	@Test
	void callingAnEmptyQueueAnswers404QueueEmpty() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		callNext(queue, "1").andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("QUEUE_EMPTY"));
	}

	@Test
	void unknownQueuesAndCountersAreRefusedClearly() throws Exception {
		mvc.perform(post("/api/v1/receptions").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"no-such-queue\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("QUEUE_NOT_FOUND"));
		String queue = TestQueues.create(mvc, 1);
		create(queue);
		callNext(queue, "9").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_COUNTER"));
		mvc.perform(post("/api/v1/receptions").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"" + queue + "\",\"priority\":\"VIP\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/receptions").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"moving\"}")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/receptions").with(EDITOR)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"moving\"}")).andExpect(status().isForbidden());
	}

	@Test
	void doneCannotGoBackToWaiting() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		String id = create(queue).get("id").asString();
		callNext(queue, "1").andExpect(status().isOk());
		change(id, "{\"status\":\"IN_SERVICE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_SERVICE"));
		change(id, "{\"status\":\"DONE\"}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"));
		change(id, "{\"status\":\"WAITING\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
		change(id, "{\"status\":\"IN_SERVICE\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
	}

	@Test
	void anAbsentResidentWhoComesBackIsCalledNextAndTheTimelineShowsEveryStep() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		String absent = create(queue).get("id").asString();
		String other = create(queue).get("id").asString();
		callNext(queue, "1").andExpect(jsonPath("$.id").value(absent));
		change(absent, "{\"status\":\"CALLED\"}").andExpect(status().isOk()); // recall
		change(absent, "{\"status\":\"ABSENT\"}").andExpect(jsonPath("$.status").value("ABSENT"));
		change(absent, "{\"status\":\"WAITING\"}").andExpect(jsonPath("$.status").value("WAITING"))
			.andExpect(jsonPath("$.position").value(1));
		callNext(queue, "1").andExpect(jsonPath("$.id").value(absent));
		callNext(queue, "1").andExpect(jsonPath("$.id").value(other));

		mvc.perform(get("/api/v1/receptions/" + absent).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeline[*].to")
				.value(org.hamcrest.Matchers.contains("WAITING", "CALLED", "CALLED", "ABSENT", "WAITING", "CALLED")))
			.andExpect(jsonPath("$.timeline[1].from").value("WAITING"))
			.andExpect(jsonPath("$.timeline[1].counter").value("1"))
			.andExpect(jsonPath("$.timeline[1].actor").value("clerk-reception"));
	}

	@Test
	void priorityResidentsAreCalledFirstAndTheGrantIsAudited() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		create(queue);
		JsonNode priority = json.readTree(mvc
			.perform(post("/api/v1/receptions").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"" + queue + "\",\"priority\":\"PREGNANCY\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.priority").value("PREGNANCY"))
			.andExpect(jsonPath("$.position").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString());
		callNext(queue, "1").andExpect(jsonPath("$.id").value(priority.get("id").asString()));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RECEPTION_PRIORITY_GRANTED' and subject = ?")
			.param("reception:" + priority.get("id").asString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * 20 receptions, 4 counters calling at the same instant until the queue is empty:
	 * each reception is called exactly once, and each counter gets its tickets in ticket
	 * order.
	 */
	@Test
	void concurrentCallersNeverGetTheSameReception() throws Exception {
		String queue = TestQueues.create(mvc, 4);
		List<Integer> issued = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			issued.add(create(queue).get("ticketNumber").asInt());
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		Set<UUID> called = ConcurrentHashMap.newKeySet();
		List<Integer> all = Collections.synchronizedList(new ArrayList<>());
		List<Future<List<Integer>>> callers = new ArrayList<>();
		for (int c = 1; c <= 4; c++) {
			String counter = String.valueOf(c);
			callers.add(pool.submit(() -> {
				start.await();
				List<Integer> mine = new ArrayList<>();
				while (true) {
					Ticket ticket;
					try {
						ticket = calling.callNext(queue, counter);
					}
					catch (ProblemException empty) {
						assertThat(empty.code()).isEqualTo("QUEUE_EMPTY");
						return mine;
					}
					assertThat(called.add(ticket.reception().id())).as("called twice").isTrue();
					assertThat(ticket.reception().current().counter()).isEqualTo(counter);
					mine.add(ticket.reception().ticketNumber());
					all.add(ticket.reception().ticketNumber());
				}
			}));
		}
		start.countDown();
		List<List<Integer>> perCaller = new ArrayList<>();
		for (Future<List<Integer>> caller : callers) {
			perCaller.add(caller.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(called).hasSize(20);
		assertThat(all).containsExactlyInAnyOrderElementsOf(issued);
		for (List<Integer> mine : perCaller) {
			assertThat(mine).isSorted();
		}
		assertThat(jdbc.sql("select count(*) from reception.tasks where queue_code = ? and status = 'CALLED'")
			.param(queue)
			.query(Integer.class)
			.single()).isEqualTo(20);
	}

	/**
	 * The number is taken in its own short transaction (see TicketIssuing.issue): four
	 * desks issuing at once still give every resident a number of their own, with no
	 * gaps.
	 */
	@Test
	void concurrentDesksIssueDistinctConsecutiveNumbers() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Integer>>> desks = new ArrayList<>();
		for (int d = 0; d < 4; d++) {
			desks.add(pool.submit(() -> {
				start.await();
				List<Integer> mine = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					mine.add(issuing.issue(new NewReception(queue, null, null, null, ReceptionSource.SCRATCH))
						.reception()
						.ticketNumber());
				}
				return mine;
			}));
		}
		start.countDown();
		List<Integer> all = new ArrayList<>();
		for (Future<List<Integer>> desk : desks) {
			all.addAll(desk.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		int first = Collections.min(all);
		assertThat(all).hasSize(20).doesNotHaveDuplicates();
		assertThat(Collections.max(all)).isEqualTo(first + 19);
		assertThat(jdbc.sql("select count(*) from reception.receptions where origin_queue = ?")
			.param(queue)
			.query(Integer.class)
			.single()).isEqualTo(20);
	}

	@Test
	void ticketNumbersRestartEachDayAndYesterdaysLeftoversAreNotCalled() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		int first = create(queue).get("ticketNumber").asInt();
		assertThat(create(queue).get("ticketNumber").asInt()).isEqualTo(first + 1);
		clock.set(LocalDateTime.of(2026, 11, 26, 23, 59));
		assertThat(create(queue).get("ticketNumber").asInt()).isEqualTo(first + 2);

		clock.set(LocalDateTime.of(2026, 11, 27, 0, 1));
		callNext(queue, "1").andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("QUEUE_EMPTY"));
		JsonNode tomorrow = create(queue);
		assertThat(tomorrow.get("ticketNumber").asInt()).isEqualTo(first);
		assertThat(tomorrow.get("date").asString()).isEqualTo("2026-11-27");
		assertThat(tomorrow.get("position").asInt()).isEqualTo(1);
		callNext(queue, "1").andExpect(jsonPath("$.id").value(tomorrow.get("id").asString()));
	}

	@Test
	void aRoutedReceptionKeepsItsTicketInTheNextQueue() throws Exception {
		String front = TestQueues.create(mvc, 1);
		String back = TestQueues.create(mvc, 1);
		create(back); // someone already waits at the second queue
		JsonNode reception = create(front);
		String id = reception.get("id").asString();
		int ticket = reception.get("ticketNumber").asInt();
		callNext(front, "1").andExpect(status().isOk());
		change(id, "{\"status\":\"IN_SERVICE\"}").andExpect(status().isOk());
		change(id, "{\"status\":\"ROUTED\",\"toQueue\":\"" + back + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.queue").value(back))
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andExpect(jsonPath("$.ticketNumber").value(ticket))
			.andExpect(jsonPath("$.position").value(2))
			.andExpect(jsonPath("$.tasks[0].status").value("ROUTED"))
			.andExpect(jsonPath("$.tasks[1].queue").value(back));
		callNext(back, "1").andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.not(id)));
		callNext(back, "1").andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.ticketNumber").value(ticket))
			.andExpect(jsonPath("$.queue").value(back))
			.andExpect(jsonPath("$.status").value("CALLED"));
		change(id, "{\"status\":\"ROUTED\",\"toQueue\":\"no-such-queue\"}").andExpect(status().isNotFound());
	}

	@Test
	void routingWithoutATargetFollowsTheProcedureGuideOneTaskPerDepartment() throws Exception {
		String notification = json.readTree(mvc
			.perform(post("/api/v1/notifications").with(EDITOR)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"2026-11-20","filedOn":"2026-11-26",
								 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地"},
								 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目"},
								 "household":{"newHousehold":true},
								 "persons":[{"familyName":"髙橋","givenName":"一郎","familyNameKana":"タカハシ","givenNameKana":"イチロウ",
								   "birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,
								   "facts":{"healthInsurance":"NHI"}},
								  {"familyName":"髙橋","givenName":"花","familyNameKana":"タカハシ","givenNameKana":"ハナ",
								   "birthDate":"2020-05-05","sex":"FEMALE","relationship":"子","myNumberCard":false,
								   "facts":{"healthInsurance":"NHI"}}],
								 "filer":{"kind":"SELF","name":"髙橋 一郎"},"identityDocuments":["MY_NUMBER_CARD"]}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString();
		JsonNode reception = json.readTree(mvc
			.perform(post("/api/v1/receptions").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"moving\",\"notificationId\":\"" + notification + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("NOTIFICATION"))
			.andExpect(jsonPath("$.name").value("髙橋 一郎"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String id = reception.get("id").asString();
		JsonNode routed = json
			.readTree(change(id, "{\"status\":\"ROUTED\",\"queue\":\"moving\"}").andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		List<String> queues = new ArrayList<>();
		routed.get("tasks").forEach(t -> queues.add(t.get("queue").asString()));
		// NHI_JOIN → 国民健康保険課 → insurance; child allowance and infant health → 子育て.
		assertThat(queues.get(0)).isEqualTo("moving");
		assertThat(queues.subList(1, queues.size())).containsExactlyInAnyOrder("insurance", "child");
		assertThat(routed.get("tasks").toString()).contains("NHI_JOIN");
		routed.get("tasks").forEach(t -> assertThat(t.get("status").asString()).isIn("ROUTED", "WAITING"));

		// 受付情報照会 by the folded name: 高橋 finds 髙橋.
		// (by POST: a name never goes into a URL)
		mvc.perform(post("/api/v1/receptions/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"高橋\",\"date\":\"2026-11-26\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.hasItem(id)));
		mvc.perform(post("/api/v1/receptions/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"高橋\",\"queue\":\"insurance\",\"status\":\"WAITING\",\"ticket\":"
					+ reception.get("ticketNumber").asInt() + "}"))
			.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.hasItem(id)));
		mvc.perform(post("/api/v1/receptions/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"佐藤\"}"))
			.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id))));
	}

	@Test
	void aNameWithAVariationSelectorComesBackExactly() throws Exception {
		String queue = TestQueues.create(mvc, 1);
		String tsuji = "辻\uDB40\uDD02 太郎";
		mvc.perform(post("/api/v1/receptions").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("queue", queue, "name", tsuji))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(tsuji));
	}

	/**
	 * The estimate follows what the counter actually takes: three services of 4 minutes
	 * give 4 minutes a head, three more of 12 minutes raise the mean to 8; a second open
	 * counter halves the wait.
	 */
	@Test
	void theEstimateFollowsMeasuredServiceTimes() throws Exception {
		String queue = TestQueues.create(mvc, 2);
		mvc.perform(post("/api/v1/queues/" + queue + "/counters/2").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"open\":false}")).andExpect(status().isOk());
		assertThat(queueState(queue).get("minutesPerService").asDouble()).isEqualTo(10.0); // default
																							// until
																							// measured
		for (int i = 0; i < 3; i++) {
			create(queue);
		}
		serveNext(queue, 3, Duration.ofMinutes(4));
		create(queue);
		create(queue);
		JsonNode state = queueState(queue);
		assertThat(state.get("minutesPerService").asDouble()).isEqualTo(4.0);
		assertThat(state.get("estimatedWaitMinutes").asInt()).isEqualTo(8);
		assertThat(create(queue).get("estimatedWaitMinutes").asInt()).isEqualTo(8);

		serveNext(queue, 3, Duration.ofMinutes(12));
		create(queue);
		create(queue);
		state = queueState(queue);
		assertThat(state.get("minutesPerService").asDouble()).isEqualTo(8.0);
		assertThat(state.get("estimatedWaitMinutes").asInt()).isEqualTo(16);

		mvc.perform(post("/api/v1/queues/" + queue + "/counters/2").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"open\":true}")).andExpect(status().isOk());
		assertThat(queueState(queue).get("estimatedWaitMinutes").asInt()).isEqualTo(8);
	}

	private void serveNext(String queue, int count, Duration each) throws Exception {
		for (int i = 0; i < count; i++) {
			String id = json
				.readTree(
						callNext(queue, "1").andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.get("id")
				.asString();
			change(id, "{\"status\":\"IN_SERVICE\"}").andExpect(status().isOk());
			clock.advance(each);
			change(id, "{\"status\":\"DONE\"}").andExpect(status().isOk());
		}
	}

	private JsonNode queueState(String queue) throws Exception {
		return json.readTree(mvc.perform(get("/api/v1/queues/" + queue).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	JsonNode create(String queue) throws Exception {
		return json.readTree(mvc
			.perform(post("/api/v1/receptions").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"" + queue + "\",\"notificationId\":null}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	ResultActions callNext(String queue, String counter) throws Exception {
		return mvc.perform(post("/api/v1/queues/" + queue + "/call-next").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"counter\":\"" + counter + "\"}"));
	}

	ResultActions change(String id, String body) throws Exception {
		return mvc.perform(post("/api/v1/receptions/" + id + "/status").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
