package jp.madoguchi.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.booking.domain.Booking;
import jp.madoguchi.booking.domain.BookingService;
import jp.madoguchi.booking.domain.BookingStatus;
import jp.madoguchi.booking.domain.NewBooking;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.support.MutableClock;
import jp.madoguchi.text.ClosedDays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
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
@SpringBootTest
class BookingTests {

	static final String NAME = "予約󠄂 花子";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Pattern CODE = Pattern.compile("data-booking-code>([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<");

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

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

}
