package jp.madoguchi.booking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.booking.domain.Booking;
import jp.madoguchi.booking.domain.BookingCodes;
import jp.madoguchi.booking.domain.BookingDay;
import jp.madoguchi.booking.domain.BookingDesk;
import jp.madoguchi.booking.domain.BookingLink;
import jp.madoguchi.booking.domain.NameSeal;
import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.BookableQueue;
import jp.madoguchi.retention.Purgeable;
import jp.madoguchi.booking.domain.BookingService;
import jp.madoguchi.booking.domain.BookingStatus;
import jp.madoguchi.booking.domain.NewBooking;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.support.MovableClock;
import jp.madoguchi.support.MutableClock;
import jp.madoguchi.text.ClosedDays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23, item 4 in one process (role all): booking a slot on the public pages and API,
 * a full slot and a closed day refused, cancelling with the code, check-in into a ticket
 * that is called before walk-ins of later slots (once only), the no-show release, and the
 * public pages in the three languages without the resident's name. The clock is moved (a
 * day a week ahead, so other test contexts' release jobs, on the real clock, never see
 * these bookings as past).
 */
@Import(MovableClock.class)
@SpringBootTest
class BookingTests {

	static final String NAME = "予約󠄂 花子";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Pattern CODE = Pattern.compile("data-booking-code>([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<");

	@Autowired
	WebApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	BookingService bookings;

	@Autowired
	Receptions receptions;

	@Autowired
	Calling calling;

	@Autowired
	ClosedDays closedDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<Purgeable> purgeables;

	MockMvc mvc;

	LocalDate day;

	String queue;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		clock.reset();
		LocalDate candidate = LocalDate.now(clock).plusDays(7);
		while (closedDays.isClosed(candidate)) {
			candidate = candidate.plusDays(1);
		}
		day = candidate;
		clock.set(day.atTime(8, 0));
		queue = bookableQueue(1);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * A queue of its own with 30-minute slots taking {@code capacity} visits, through the
	 * master API as the master administrator sets it.
	 */
	String bookableQueue(int capacity) throws Exception {
		String code = "b" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/admin/queues").with(user("admin-bookings").authorities(() -> "MASTER_ADMIN"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"予約テスト\",\"nameEn\":\"Booking test\",\"counters\":[\"1\"],"
					+ "\"slotMinutes\":30,\"slotCapacity\":" + capacity + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slotMinutes").value(30))
			.andExpect(jsonPath("$.slotCapacity").value(capacity));
		return code;
	}

	String bookOnThePage(String time, String name) throws Exception {
		String page = mvc
			.perform(post("/public/bookings").param("queue", queue)
				.param("day", day.toString())
				.param("time", time)
				.param("name", name))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher code = CODE.matcher(page);
		assertThat(code.find()).as("the page shows the booking code").isTrue();
		assertThat(page).contains("src=\"data:image/png;base64,").doesNotContain("花子");
		return code.group(1);
	}

	@Test
	void aResidentBooksASlotAndGetsACodeAndItsQrCode() throws Exception {
		String start = mvc.perform(get("/public/bookings"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(start).contains("value=\"" + queue + "\"", "value=\"" + day + "\"");
		mvc.perform(get("/public/bookings/slots").param("queue", queue).param("day", day.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"10:00\"")));

		String code = bookOnThePage("10:00", NAME);
		Booking booking = bookings.find(code.toLowerCase().replace("-", " "));
		assertThat(booking.queue()).isEqualTo(queue);
		assertThat(booking.slot()).isEqualTo(LocalTime.of(10, 0));
		assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(booking.name()).as("what the resident chose to give").isEqualTo(NAME);
		assertThat(bookings.slots(queue, day)).filteredOn(s -> s.start().equals(LocalTime.of(10, 0)))
			.singleElement()
			.satisfies(s -> assertThat(s.free()).isZero());

		// The API: no name needed at all.
		mvc.perform(post("/public/api/v1/bookings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"" + queue + "\",\"day\":\"" + day + "\",\"time\":\"11:00\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("[2-9A-Z]{4}-[2-9A-Z]{4}")))
			.andExpect(jsonPath("$.time").value("11:00:00"))
			.andExpect(jsonPath("$.name").doesNotExist());
	}

	@Test
	void aFullSlotIsRefusedAndTheNextFreeSlotsAreOffered() throws Exception {
		bookings.book(new NewBooking(queue, day, LocalTime.of(10, 0), null));

		mvc.perform(post("/public/api/v1/bookings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"" + queue + "\",\"day\":\"" + day + "\",\"time\":\"10:00\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("SLOT_FULL"))
			.andExpect(jsonPath("$.detail").value("この時間は満員です。ほかの時間を選んでください。"))
			.andExpect(jsonPath("$.offers[0].start").value("10:30:00"));

		String page = mvc
			.perform(post("/public/bookings").param("queue", queue).param("day", day.toString()).param("time", "10:00"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-problem=\"SLOT_FULL\"", "data-offers", "10:30–11:00");
	}

	@Test
	void aClosedDayIsRefused() throws Exception {
		LocalDate closed = day;
		while (!closedDays.isClosed(closed)) {
			closed = closed.plusDays(1);
		}
		mvc.perform(get("/public/api/v1/bookings/slots").param("queue", queue).param("day", closed.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CLOSED_DAY"));
		mvc.perform(post("/public/api/v1/bookings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"queue\":\"" + queue + "\",\"day\":\"" + closed + "\",\"time\":\"10:00\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CLOSED_DAY"));
		String start = mvc.perform(get("/public/bookings")).andReturn().getResponse().getContentAsString();
		assertThat(start).containsPattern("value=\"" + closed + "\"[^>]*disabled");
	}

	/**
	 * 休日開庁: a closed day opened specially takes bookings, within its own hours only;
	 * removed, the day is closed again.
	 */
	@Test
	void aSpecialOpeningOnAClosedDayTakesBookingsWithinItsHoursOnly() throws Exception {
		LocalDate closed = day;
		while (!closedDays.isClosed(closed)) {
			closed = closed.plusDays(1);
		}
		RequestPostProcessor admin = user("admin-bookings").authorities(() -> "MASTER_ADMIN");
		mvc.perform(post("/api/v1/admin/holidays/special-openings").with(admin)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"day\":\"" + closed + "\",\"opens\":\"09:00\",\"closes\":\"11:00\",\"note\":\"休日開庁\"}"))
			.andExpect(status().isCreated());
		try {
			JsonNode slots = JSON.readTree(mvc
				.perform(get("/public/api/v1/bookings/slots").param("queue", queue).param("day", closed.toString()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(slots.size()).as("09:00-11:00 in 30 minutes").isEqualTo(4);
			assertThat(slots.get(0).get("start").asString()).startsWith("09:00");
			assertThat(slots.get(3).get("end").asString()).startsWith("11:00");
			mvc.perform(post("/public/api/v1/bookings").contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"" + queue + "\",\"day\":\"" + closed + "\",\"time\":\"10:00\"}"))
				.andExpect(status().isCreated());
			mvc.perform(post("/public/api/v1/bookings").contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"" + queue + "\",\"day\":\"" + closed + "\",\"time\":\"13:00\"}"))
				.andExpect(status().is4xxClientError());
			String start = mvc.perform(get("/public/bookings")).andReturn().getResponse().getContentAsString();
			assertThat(start).doesNotContainPattern("value=\"" + closed + "\"[^>]*disabled");
		}
		finally {
			mvc.perform(delete("/api/v1/admin/holidays/special-openings/" + closed).with(admin).with(csrf()))
				.andExpect(status().isNoContent());
		}
		mvc.perform(get("/public/api/v1/bookings/slots").param("queue", queue).param("day", closed.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CLOSED_DAY"));
	}

	@Test
	void aBookingIsCancelledWithItsCodeAndItsPlaceIsFreeAgain() throws Exception {
		String code = bookOnThePage("13:00", "");
		assertThat(bookings.find(code).name()).as("nothing given, nothing kept").isNull();

		mvc.perform(post("/public/bookings/cancel").param("code", code.toLowerCase().replace("-", "")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-cancelled")));
		assertThat(bookings.find(code).status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(bookings.slots(queue, day)).filteredOn(s -> s.start().equals(LocalTime.of(13, 0)))
			.singleElement()
			.satisfies(s -> assertThat(s.free()).isEqualTo(1));

		mvc.perform(post("/public/api/v1/bookings/cancel").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("BOOKING_CANCELLED"));
		mvc.perform(post("/public/api/v1/bookings/cancel").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"ZZZZ-ZZZZ\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("BOOKING_NOT_FOUND"));
	}

	@Test
	void checkInTurnsTheBookingIntoATicketOnceCalledBeforeWalkInsOfLaterSlots() throws Exception {
		clock.set(day.atTime(9, 0));
		Booking booking = bookings.book(new NewBooking(queue, day, LocalTime.of(10, 0), NAME));
		clock.set(day.atTime(9, 55));
		ReceptionView early = receptions.open(new NewReception(queue, null, null, null, ReceptionSource.SCRATCH));
		clock.set(day.atTime(10, 5));
		ReceptionView later = receptions.open(new NewReception(queue, null, null, null, ReceptionSource.SCRATCH));
		clock.set(day.atTime(10, 10));

		String answer = mvc
			.perform(post("/api/v1/bookings/check-in").with(user("kiosk").authorities(() -> "RECEPTION"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + booking.code() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.queue").value(queue))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode checkIn = JSON.readTree(answer);
		int ticket = checkIn.get("ticketNumber").asInt();
		ReceptionView reception = receptions.find(UUID.fromString(checkIn.get("receptionId").asString())).orElseThrow();
		assertThat(reception.source()).isEqualTo(ReceptionSource.BOOKING);
		assertThat(reception.name()).isEqualTo(NAME);
		assertThat(bookings.find(booking.code()).name()).as("the name went to the reception").isNull();
		assertThat(jdbc
			.sql("select actor, detail from audit.events where action = 'BOOKING_CHECKED_IN' and subject = ?"
					+ " and outcome = 'SUCCESS'")
			.param("booking:" + booking.id())
			.query((rs, n) -> rs.getString("actor") + " " + rs.getString("detail"))
			.list())
			.singleElement()
			.satisfies(entry -> assertThat(entry).startsWith("kiosk ")
				.contains("ticket=" + ticket)
				.doesNotContain(booking.code()));

		// Exactly once, on the board too.
		mvc.perform(post("/bookings/check-in").with(user("staff").authorities(() -> "RECEPTION"))
			.with(csrf())
			.param("code", booking.code()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refusedCode", "BOOKING_CHECKED_IN"));

		// The booking waits from 10:00: after the 9:55 walk-in, before the 10:05 one.
		assertThat(List.of(calling.callNext(queue, "1"), calling.callNext(queue, "1"), calling.callNext(queue, "1"))
			.stream()
			.map(t -> t.reception().ticketNumber())
			.toList()).containsExactly(early.ticketNumber(), ticket, later.ticketNumber());
	}

	@Test
	void aBookingNotCheckedInWithinTheGracePeriodIsReleasedAndRefused() throws Exception {
		clock.set(day.atTime(9, 0));
		Booking booking = bookings.book(new NewBooking(queue, day, LocalTime.of(10, 0), NAME));
		clock.set(day.atTime(10, 15));
		bookings.releaseNoShows();
		assertThat(bookings.find(booking.code()).status()).as("still within the grace period")
			.isEqualTo(BookingStatus.BOOKED);

		clock.advance(Duration.ofMinutes(1));
		assertThat(bookings.releaseNoShows()).isPositive();
		Booking released = bookings.find(booking.code());
		assertThat(released.status()).isEqualTo(BookingStatus.NO_SHOW);
		assertThat(released.name()).isNull();

		mvc.perform(post("/api/v1/bookings/check-in").with(user("kiosk").authorities(() -> "RECEPTION"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + booking.code() + "\"}"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.code").value("BOOKING_EXPIRED"))
			.andExpect(jsonPath("$.detail").value("予約の時間から15分を過ぎたため、この予約は取り消されました。番号札を取ってお待ちください。"));
		mvc.perform(post("/bookings/check-in").with(user("staff").authorities(() -> "RECEPTION"))
			.with(csrf())
			.param("code", booking.code())).andExpect(flash().attribute("refusedCode", "BOOKING_EXPIRED"));
		// The staff side needs RECEPTION.
		mvc.perform(post("/api/v1/bookings/check-in").with(user("nobody").authorities(() -> "AUDIT"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + booking.code() + "\"}")).andExpect(status().isForbidden());
	}

	@Test
	void thePublicPagesSpeakThreeLanguagesAndNeverShowAName() throws Exception {
		String code = bookOnThePage("14:00", NAME);
		String[][] languages = { { "ja", "来庁予約" }, { "en", "Book a visit" }, { "easy", "よやく" } };
		for (String[] language : languages) {
			for (var request : List.of(get("/public/bookings"),
					get("/public/bookings/slots").param("queue", queue).param("day", day.toString()),
					get("/public/bookings/cancel"))) {
				String page = mvc.perform(request.param("lang", language[0]))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(page).as(language[0]).contains(language[1]).doesNotContain("花子", code);
				assertThat(page).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
			}
		}
		// The cancel page of the booking in English: no name either.
		mvc.perform(post("/public/bookings/cancel").param("code", code).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Booking cancelled")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("花子"))));
	}

	/**
	 * Split installation, the counter's side: a request pulled from the public site is
	 * decided in booking.bookings with the code the resident already has; the last place
	 * goes to one request (the other answered SLOT_FULL with offers), a repeated pull
	 * changes nothing, a cancellation frees the place.
	 */
	@Test
	void theCounterDecidesPulledRequestsOnceWithTheSlotsCapacity() {
		clock.set(day.atTime(8, 0));
		String first = BookingCodes.generate();
		String second = BookingCodes.generate();
		BookingLink.Request book = new BookingLink.Request(1, BookingLink.Kind.BOOK, first, queue, day,
				LocalTime.of(10, 0), null);
		BookingLink.Outcome booked = bookings.decide(book, NAME);
		assertThat(booked.state()).isEqualTo("BOOKED");
		assertThat(bookings.find(first).name()).as("the name opened on the counter").isEqualTo(NAME);
		assertThat(bookings.decide(book, NAME).state()).as("pulled again: the same answer").isEqualTo("BOOKED");
		assertThat(jdbc.sql("select count(*) from booking.bookings where code = ?")
			.param(first)
			.query(Long.class)
			.single()).isEqualTo(1);

		BookingLink.Outcome full = bookings.decide(
				new BookingLink.Request(2, BookingLink.Kind.BOOK, second, queue, day, LocalTime.of(10, 0), null), null);
		assertThat(full.state()).isEqualTo("REFUSED");
		assertThat(full.problem()).isEqualTo("SLOT_FULL");
		assertThat(full.offers()).isNotEmpty().allSatisfy(o -> assertThat(o.start()).isAfter(LocalTime.of(10, 0)));
		assertThat(bookings.openSlots()).filteredOn(s -> s.queue().equals(queue) && s.day().equals(day))
			.singleElement()
			.satisfies(s -> assertThat(s.slots()).filteredOn(slot -> slot.start().equals(LocalTime.of(10, 0)))
				.singleElement()
				.satisfies(slot -> assertThat(slot.free()).isZero()));

		BookingLink.Outcome cancelled = bookings.decide(
				new BookingLink.Request(3, BookingLink.Kind.CANCEL, first, queue, day, LocalTime.of(10, 0), null),
				null);
		assertThat(cancelled.state()).isEqualTo("CANCELLED");
		assertThat(bookings.find(first).name()).isNull();
		assertThat(bookings
			.decide(new BookingLink.Request(4, BookingLink.Kind.BOOK, second, queue, day, LocalTime.of(10, 0), null),
					null)
			.state()).as("the freed place").isEqualTo("BOOKED");
		assertThat(bookings
			.decide(new BookingLink.Request(5, BookingLink.Kind.CANCEL, BookingCodes.generate(), queue, day,
					LocalTime.of(10, 0), null), null)
			.problem()).isEqualTo("BOOKING_NOT_FOUND");
	}

	/**
	 * Split installation, the public site's side: the link's messages are read strictly
	 * and only when signed with the link key, once (a replayed pull or push is refused);
	 * a request is answered PENDING (never confirmed before the counter says so), keeps
	 * the name only sealed to the counter's key, and is deleted once the counter's push
	 * says it was decided.
	 */
	@Test
	void thePublicDeskTakesOnlySignedFreshLinkMessagesAndNeverHoldsANameReadable(@TempDir Path dataDir)
			throws Exception {
		clock.set(day.atTime(8, 0));
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		LinkSigner counter = new LinkSigner(key, clock);
		BookingDesk desk = new BookingDesk(dataDir, new LinkSigner(key, clock), clock);
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(3072);
		KeyPair nameKey = rsa.generateKeyPair();
		String path = BookingLink.PATH;

		assertThat(desk.queues()).as("nothing before the first push").isEmpty();
		byte[] push = push(0, nameKey, List.of(), "n1", clock.instant());
		assertThatThrownBy(() -> desk.receive(null, path, push)).isInstanceOfSatisfying(ProblemException.class,
				p -> assertThat(p.code()).isEqualTo("LINK_SIGNATURE_INVALID"));
		byte[] otherKey = key.clone();
		otherKey[0] ^= 1;
		assertThatThrownBy(
				() -> desk.receive(new LinkSigner(otherKey, clock).sign("POST", URI.create(path), push), path, push))
			.isInstanceOfSatisfying(ProblemException.class,
					p -> assertThat(p.code()).isEqualTo("LINK_SIGNATURE_INVALID"));
		String signature = counter.sign("POST", URI.create(path), push);
		desk.receive(signature, path, push);
		assertThat(desk.queues()).extracting(BookableQueue::code).containsExactly(queue);
		assertThatThrownBy(() -> desk.receive(signature, path, push)).as("replayed")
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("LINK_REPLAYED"));
		byte[] old = push(0, nameKey, List.of(), "n2", clock.instant().minus(Duration.ofMinutes(10)));
		assertThatThrownBy(() -> desk.receive(counter.sign("POST", URI.create(path), old), path, old))
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("LINK_REPLAYED"));
		byte[] unknown = new String(push(0, nameKey, List.of(), "n3", clock.instant()), StandardCharsets.UTF_8)
			.replaceFirst("\\{", "{\"name\":\"x\",")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> desk.receive(counter.sign("POST", URI.create(path), unknown), path, unknown))
			.isInstanceOfSatisfying(ProblemException.class,
					p -> assertThat(p.code()).isEqualTo("LINK_MESSAGE_INVALID"));

		BookingDesk.Entry entry = desk.request(new NewBooking(queue, day, LocalTime.of(10, 0), NAME));
		assertThat(entry.state()).isEqualTo(BookingDesk.State.PENDING);
		assertThatThrownBy(() -> desk.request(new NewBooking(queue, day, LocalTime.of(10, 0), null)))
			.as("the one place is waiting for the counter's answer")
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("SLOT_FULL"));
		Path file = dataDir.resolve("booking").resolve("booking-desk.json");
		assertThat(Files.readString(file)).doesNotContain("花子").contains(entry.code());

		String target = path + "?since=0&nonce=pull1";
		BookingDesk.Answer answer = desk.pull(counter.sign("GET", URI.create(target), new byte[0]), target, 0, "pull1");
		assertThat(counter.verify(answer.signature(), BookingLink.ANSWER, target, answer.body())).isTrue();
		BookingLink.Requests requests = BookingLink.STRICT.readValue(answer.body(), BookingLink.Requests.class);
		assertThat(requests.requests()).singleElement().satisfies(r -> {
			assertThat(r.code()).isEqualTo(entry.code());
			assertThat(NameSeal.open(r.sealedName(), nameKey.getPrivate())).isEqualTo(NAME);
		});
		assertThatThrownBy(() -> desk.pull(counter.sign("GET", URI.create(target), new byte[0]), target, 0, "pull1"))
			.isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("LINK_REPLAYED"));
		String forged = path + "?since=0&nonce=pull2";
		assertThatThrownBy(() -> desk.pull(null, forged, 0, "pull2")).isInstanceOfSatisfying(ProblemException.class,
				p -> assertThat(p.code()).isEqualTo("LINK_SIGNATURE_INVALID"));

		byte[] decided = push(1, nameKey, List
			.of(new BookingLink.Outcome(entry.code(), queue, day, LocalTime.of(10, 0), "BOOKED", null, List.of())),
				"n4", clock.instant());
		desk.receive(counter.sign("POST", URI.create(path), decided), path, decided);
		assertThat(desk.status(BookingCodes.display(entry.code())).state()).isEqualTo(BookingDesk.State.BOOKED);
		assertThat(Files.readString(file)).as("the request and its sealed name are gone")
			.doesNotContain(entry.code())
			.doesNotContain("sealedName\":\"");
		assertThat(desk.cancel(entry.code()).state()).isEqualTo(BookingDesk.State.CANCELLING);
	}

	byte[] push(long through, KeyPair nameKey, List<BookingLink.Outcome> outcomes, String nonce, Instant at) {
		BookableQueue bookable = bookings.bookable(queue).orElseThrow();
		int free = outcomes.isEmpty() ? 1 : 0;
		return BookingLink.STRICT.writeValueAsBytes(new BookingLink.Push(nonce, at, through,
				Base64.getEncoder().encodeToString(nameKey.getPublic().getEncoded()), 15, List.of(bookable),
				List.of(new BookingDay(day, false)),
				List.of(new BookingLink.DaySlots(queue, day, LocalTime.of(10, 0), 30, 1, List.of(free))), outcomes));
	}

	/**
	 * Ended bookings (cancelled, no-show, checked in) go with the retention job once
	 * their day is madoguchi.booking.keep-ended (90 days) past; open and recent ones
	 * stay.
	 */
	@Test
	void theRetentionJobPurgesOldEndedBookingsAndKeepsOpenAndRecentOnes() {
		Purgeable retention = purgeables.stream()
			.filter(p -> p.target().equals("booking.bookings"))
			.findFirst()
			.orElseThrow();
		LocalDate today = bookings.today();
		Map<String, UUID> rows = new java.util.LinkedHashMap<>();
		for (String[] row : new String[][] { { "CANCELLED", "100" }, { "NO_SHOW", "100" }, { "CHECKED_IN", "100" },
				{ "BOOKED", "100" }, { "CANCELLED", "30" } }) {
			UUID id = UUID.randomUUID();
			LocalDate rowDay = today.minusDays(Long.parseLong(row[1]));
			jdbc.sql("""
					insert into booking.bookings (id, code, queue_code, day, slot_start, starts_at, status, created_at)
					values (?, ?, ?, ?, '10:00', ?, ?, ?)""")
				.params(id, BookingCodes.generate(), queue, rowDay,
						java.sql.Timestamp
							.from(rowDay.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant()),
						row[0], java.sql.Timestamp.from(clock.instant()))
				.update();
			rows.put(row[0] + "-" + row[1], id);
		}
		LocalDate cutoff = today.minusYears(5);
		assertThat(retention.countDue(cutoff)).isGreaterThanOrEqualTo(3);
		assertThat(retention.purge(cutoff)).isGreaterThanOrEqualTo(3);
		for (Map.Entry<String, UUID> row : rows.entrySet()) {
			long left = jdbc.sql("select count(*) from booking.bookings where id = ?")
				.param(row.getValue())
				.query(Long.class)
				.single();
			assertThat(left).as(row.getKey())
				.isEqualTo(row.getKey().equals("BOOKED-100") || row.getKey().equals("CANCELLED-30") ? 1 : 0);
		}
		assertThat(retention.countDue(cutoff)).isZero();
	}

}
