package jp.madoguchi.queuestatus;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.queuestatus.domain.StatusLink;
import jp.madoguchi.queuestatus.domain.StatusMessage;
import jp.madoguchi.queuestatus.domain.StatusPublisher;
import jp.madoguchi.queuestatus.domain.StatusStore;
import jp.madoguchi.queuestatus.domain.TicketProgress;
import jp.madoguchi.queuestatus.domain.TicketReferences;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.Priority;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.support.TestQueues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23, items 1–3 in one process (role all): the status the counter publishes, the
 * signed push and its refusals (forged, replayed, with more than numbers), the ticket
 * reference on the slip and the phone page it opens, the queue status page.
 */
@SpringBootTest
class QueueStatusLinkTests {

	static final String NAME = "辻󠄂 太郎";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	WebApplicationContext context;

	@Autowired
	Receptions receptions;

	@Autowired
	Calling calling;

	@Autowired
	StatusPublisher publisher;

	@Autowired
	StatusStore store;

	@Autowired
	StatusLink link;

	@Autowired
	TicketReferences references;

	@Autowired
	Clock clock;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theSameNumberIssuedByTwoQueuesIsTwoTicketsOnThePhone() throws Exception {
		// Both queues number from 1: the first ticket of each is called, then waits,
		// apart.
		String first = TestQueues.create(mvc, 1, 5);
		String second = TestQueues.create(mvc, 1, 5);
		ReceptionView calledOne = receptions.open(new NewReception(first, null, NAME, null, ReceptionSource.SCRATCH));
		ReceptionView waitingOne = receptions.open(new NewReception(second, null, NAME, null, ReceptionSource.SCRATCH));
		assertThat(waitingOne.ticketNumber()).isEqualTo(calledOne.ticketNumber());
		calling.callNext(first, "1");
		assertThat(publisher.publish()).isTrue();

		assertThat(store.progress(first, calledOne.ticketNumber()).state()).isEqualTo(TicketProgress.State.CALLED);
		TicketProgress other = store.progress(second, waitingOne.ticketNumber());
		assertThat(other.state()).isEqualTo(TicketProgress.State.WAITING);
		assertThat(other.queue()).isEqualTo(second);
		// and the reference of one does not open the other's page
		String reference = references.reference(LocalDate.now(clock), calledOne.ticketNumber(), first);
		assertThat(references.read(reference.replace("-" + first + "-", "-" + second + "-"))).isEmpty();
		assertThat(references.read(reference).orElseThrow().originQueue()).isEqualTo(first);
	}

	@Test
	void theStatusOfTheQueuesReachesThePublicStoreWithNumbersAndNoNames() throws Exception {
		String queue = TestQueues.create(mvc, 2, 6);
		List<ReceptionView> tickets = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tickets.add(receptions.open(new NewReception(queue, null, NAME + i, (i == 3) ? Priority.ELDERLY : null,
					ReceptionSource.SCRATCH)));
		}
		calling.callNext(queue, "2");
		assertThat(publisher.publish()).isTrue();

		StatusStore.Snapshot snapshot = store.snapshot().orElseThrow();
		StatusMessage.QueueStatus status = snapshot.message()
			.queues()
			.stream()
			.filter(q -> q.code().equals(queue))
			.findFirst()
			.orElseThrow();
		// the priority ticket was called first; the others wait in order
		assertThat(status.calledNow()).extracting(StatusMessage.Call::ticketNumber)
			.containsExactly(tickets.get(3).ticketNumber());
		assertThat(status.calledNow().get(0).counter()).isEqualTo("2");
		assertThat(status.waiting()).extracting(StatusMessage.Ticket::number)
			.containsExactly(tickets.get(0).ticketNumber(), tickets.get(1).ticketNumber(),
					tickets.get(2).ticketNumber(), tickets.get(4).ticketNumber());
		assertThat(status.waiting()).extracting(StatusMessage.Ticket::origin).containsOnly(queue);
		assertThat(status.estimatedWaitMinutes()).as("4 ahead × 6 min / 2 counters").isEqualTo(12);

		TicketProgress third = store.progress(queue, tickets.get(2).ticketNumber());
		assertThat(third.state()).isEqualTo(TicketProgress.State.WAITING);
		assertThat(third.ahead()).isEqualTo(2);
		assertThat(third.estimatedWaitMinutes()).isEqualTo(6);
		assertThat(third.current()).isTrue();

		// The store of the public side: numbers, codes, counter names and times only.
		String kept = JSON.writeValueAsString(snapshot);
		assertThat(kept).doesNotContain("辻", "太郎");
		assertThat(fieldsOf(StatusStore.Snapshot.class)).containsExactlyInAnyOrder("message", "receivedAt",
				"message.sequence", "message.nonce", "message.publishedAt", "message.day", "message.queues",
				"queues.code", "queues.name", "queues.nameEn", "queues.calledNow", "queues.waiting",
				"queues.estimatedWaitMinutes", "queues.minutesPerService", "queues.openCounters", "queues.typicalWaits",
				"waiting.origin", "waiting.number", "calledNow.origin", "calledNow.ticketNumber", "calledNow.counter",
				"calledNow.counterName", "calledNow.counterNameEn", "typicalWaits.hour", "typicalWaits.minutes");
	}

	@Test
	void aSignedPushIsKeptOnceAndEverythingElseIsRefused() throws Exception {
		Instant now = clock.instant();
		byte[] body = message(now, "nonce-" + now.toEpochMilli(), "").getBytes(StandardCharsets.UTF_8);

		// unsigned, or signed with another key: 401, nothing kept
		mvc.perform(post(StatusLink.PATH).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("LINK_SIGNATURE_INVALID"));
		LinkSigner stranger = new LinkSigner(new byte[32], clock);
		mvc.perform(post(StatusLink.PATH).contentType(MediaType.APPLICATION_JSON)
			.header(LinkSigner.HEADER, stranger.sign("POST", URI.create(StatusLink.PATH), body))
			.content(body)).andExpect(status().isUnauthorized());
		assertThat(store.snapshot().map(s -> s.message().nonce())).isNotEqualTo(java.util.Optional.of(nonce(body)));

		// signed: kept
		mvc.perform(signed(body)).andExpect(status().isNoContent());
		assertThat(store.snapshot().orElseThrow().message().queues().get(0).code()).isEqualTo("pushed");

		// the same push again (a replay within the signature's window): refused
		mvc.perform(signed(body)).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LINK_REPLAYED"));

		// a signed push that carries more than the status (a name): refused, not kept
		Instant later = now.plusSeconds(1);
		byte[] withName = message(later, "nonce-name-" + later.toEpochMilli(), ",\"waitingNames\":[\"" + NAME + "\"]")
			.getBytes(StandardCharsets.UTF_8);
		mvc.perform(signed(withName)).andExpect(jsonPath("$.code").value("LINK_MESSAGE_INVALID"));
		assertThat(store.snapshot().orElseThrow().message().nonce()).isEqualTo(nonce(body));
	}

	@Test
	void theSlipCarriesASignedReferenceWhosePageShowsThePlaceInLine() throws Exception {
		String queue = TestQueues.create(mvc, 1, 5);
		ReceptionView first = receptions.open(new NewReception(queue, null, NAME, null, ReceptionSource.SCRATCH));
		ReceptionView second = receptions.open(new NewReception(queue, null, NAME, null, ReceptionSource.SCRATCH));
		publisher.publish();

		MvcResult slip = mvc.perform(get("/reception/receptions/" + second.id() + "/slip")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("clerk-status")
				.authorities(() -> "RECEPTION")))
			.andExpect(status().isOk())
			.andReturn();
		String html = slip.getResponse().getContentAsString();
		java.util.regex.Matcher url = java.util.regex.Pattern.compile("data-url=\"[^\"]*(/public/ticket/[^\"]+)\"")
			.matcher(html);
		assertThat(url.find()).as("the slip's QR code and its address").isTrue();
		assertThat(html).contains("data:image/png;base64,");
		String reference = url.group(1).substring("/public/ticket/".length());
		assertThat(reference).doesNotContain("辻").startsWith(LocalDate.now(clock).toString().replace("-", ""));

		String page = mvc.perform(get("/public/ticket/" + reference + "?lang=ja"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(">" + second.ticketNumber() + "<").contains("1人").doesNotContain("辻");
		assertThat(page).doesNotContain("<script>").contains("/js/my-ticket.js");

		// the same number with a made-up tag, another number with this tag, yesterday's
		for (String forged : List.of(reference.substring(0, reference.length() - 2) + "AA",
				reference.replaceFirst("-" + second.ticketNumber() + "-", "-" + first.ticketNumber() + "-"),
				"garbage")) {
			String refused = mvc.perform(get("/public/ticket/" + forged))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(refused).contains("QRコードの内容が正しくありません").doesNotContain(">" + first.ticketNumber() + "<");
		}
		String yesterday = references.reference(LocalDate.now(clock).minusDays(1), second.ticketNumber(),
				second.originQueue());
		assertThat(mvc.perform(get("/public/ticket/" + yesterday))
			.andExpect(status().isGone())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("期限が過ぎています");
		mvc.perform(get("/public/ticket/garbage/events")).andExpect(status().isNotFound());
	}

	@Test
	void theQueueStatusPageShowsEveryQueueAndSaysWhenTheStatusIsOld() throws Exception {
		String queue = TestQueues.create(mvc, 1, 5);
		ReceptionView ticket = receptions.open(new NewReception(queue, null, NAME, null, ReceptionSource.SCRATCH));
		calling.callNext(queue, "1");
		publisher.publish();
		String page = mvc.perform(get("/public/queues?lang=ja"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-queue=\"" + queue + "\"").contains(">" + ticket.ticketNumber() + "<");
		assertThat(page).doesNotContain("辻").contains("/js/queue-status.js");
		assertThat(page).as("the status is current").contains("class=\"banner banner--warning is-hidden\" data-stale");

		// a status older than the allowed age: the page says it is not current, with its
		// time
		Instant old = clock.instant().minusSeconds(600);
		store.accept(JSON.readValue(message(old, "old", ""), StatusMessage.class));
		assertThat(store.snapshot().orElseThrow().message().nonce()).as("an older push does not replace a newer one")
			.isNotEqualTo("old");
	}

	private static String nonce(byte[] body) {
		return JSON.readTree(body).get("nonce").asString();
	}

	private org.springframework.test.web.servlet.RequestBuilder signed(byte[] body) {
		return post(StatusLink.PATH).contentType(MediaType.APPLICATION_JSON)
			.header(LinkSigner.HEADER, link.signer().sign("POST", URI.create(StatusLink.PATH), body))
			.content(body);
	}

	private String message(Instant at, String nonce, String extra) {
		return "{\"sequence\":1,\"nonce\":\"" + nonce + "\",\"publishedAt\":\"" + at + "\",\"day\":\""
				+ LocalDate.ofInstant(at, ZoneId.of("Asia/Tokyo"))
				+ "\",\"queues\":[{\"code\":\"pushed\",\"name\":\"受付\"" + extra
				+ ",\"nameEn\":\"Reception\",\"calledNow\":[],\"waiting\":[{\"origin\":\"pushed\",\"number\":7},{\"origin\":\"pushed\",\"number\":8}],\"estimatedWaitMinutes\":10,"
				+ "\"minutesPerService\":5.0,\"openCounters\":1,\"typicalWaits\":[{\"hour\":9,\"minutes\":12}]}]}";
	}

	/** Every field the type holds, through records and lists of records. */
	private static Set<String> fieldsOf(Class<?> type) {
		Set<String> fields = new java.util.TreeSet<>();
		collect(type, null, fields);
		return fields;
	}

	private static void collect(Class<?> type, String prefix, Set<String> fields) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = (prefix == null) ? component.getName() : prefix + "." + component.getName();
			fields.add(name);
			Class<?> inner = component.getType();
			if (List.class.isAssignableFrom(inner)) {
				inner = (Class<?>) ((java.lang.reflect.ParameterizedType) component.getGenericType())
					.getActualTypeArguments()[0];
			}
			if (inner.isRecord()) {
				collect(inner, component.getName(), fields);
			}
		}
	}

}
