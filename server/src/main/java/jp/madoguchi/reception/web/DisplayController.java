package jp.madoguchi.reception.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.display.DisplayCall;
import jp.madoguchi.reception.display.DisplayHub;
import jp.madoguchi.reception.domain.DisplayTokens;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.ReceptionQueries;
import jp.madoguchi.reception.domain.QueueState;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 呼出表示: the large-screen page of one queue and its event stream. A display terminal has
 * no staff login: it is let in by the cookie it got when it was paired with a one-time
 * code of that queue (issued by MASTER_ADMIN), or by a signed-in user with RECEPTION
 * (staff opening the display to check it). A token in the URL opens nothing. Neither page
 * nor stream shows personal data: ticket numbers and counters only.
 */
@Controller
class DisplayController {

	static final String ALLOWED = "hasAuthority('RECEPTION') or @displayTokens.permits(#queue, #display)";

	/**
	 * The languages the hall screen shows in turn below the Japanese (i18n/display):
	 * English, 中文（简体）, 한국어, Tiếng Việt, Português.
	 */
	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.KOREAN,
			Locale.forLanguageTag("vi"), Locale.forLanguageTag("pt-BR"));

	private final ReceptionQueries receptions;

	private final DisplayHub hub;

	private final DisplayTokens tokens;

	private final MessageSource messages;

	DisplayController(ReceptionQueries receptions, DisplayHub hub, DisplayTokens tokens, MessageSource messages) {
		this.receptions = receptions;
		this.hub = hub;
		this.tokens = tokens;
		this.messages = messages;
	}

	/**
	 * The pairing page: the screen's browser opens {@code /display/pair#<code>} (the code
	 * in the fragment never reaches a server or a log); the script posts it, or someone
	 * types it.
	 */
	@GetMapping("/display/pair")
	// Anyone may ask to pair; only a live, unused code pairs.
	@PreAuthorize("permitAll()")
	String pairing() {
		return "reception/display-pair";
	}

	@PostMapping("/display/pair")
	// Anyone may ask to pair; only a live, unused code pairs.
	@PreAuthorize("permitAll()")
	String pair(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<DisplayTokens.Paired> paired = tokens.pair(code);
		if (paired.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("refused", true);
			return "reception/display-pair";
		}
		ResponseCookie cookie = ResponseCookie.from(DisplayTokens.COOKIE, paired.get().secret())
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path("/display")
			.maxAge(Duration.ofDays(400))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:/display/" + paired.get().queue();
	}

	@GetMapping("/display/{queue}")
	@PreAuthorize(ALLOWED)
	String page(@PathVariable String queue,
			@CookieValue(name = DisplayTokens.COOKIE, required = false) @Nullable String display, Model model) {
		QueueState state = receptions.queueState(queue);
		model.addAttribute("queue", state.queue());
		model.addAttribute("calls", calls(state));
		model.addAttribute("waiting", state.waiting().size());
		model.addAttribute("estimate", state.estimatedWaitMinutes());
		model.addAttribute("languages", languages(state.queue(), state.waiting().size(), state.estimatedWaitMinutes()));
		return "reception/display";
	}

	@GetMapping(path = "/display/{queue}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize(ALLOWED)
	@ResponseBody
	SseEmitter events(@PathVariable String queue,
			@CookieValue(name = DisplayTokens.COOKIE, required = false) @Nullable String display) {
		return hub.connect(queue, calls(receptions.queueState(queue)));
	}

	private List<DisplayLanguage> languages(Queue queue, int waiting, int estimate) {
		return LANGUAGES.stream().map((locale) -> {
			String waitingText = messages.getMessage("display.waiting", new Object[] { waiting, estimate }, locale);
			return new DisplayLanguage(locale.toLanguageTag(), locale.getLanguage(),
					queue.localName(locale.getLanguage()), messages.getMessage("display.calling", null, locale),
					messages.getMessage("display.ticket", null, locale),
					messages.getMessage("display.counter", null, locale),
					messages.getMessage("display.none", null, locale), waitingText);
		}).toList();
	}

	/**
	 * The display's texts in one language; {@code tag} is the BCP 47 tag for lang,
	 * {@code key} the language of {@link DisplayCall#counterNames()}, {@code queueName}
	 * the queue's name in it (else English, else Japanese).
	 */
	record DisplayLanguage(String tag, String key, String queueName, String calling, String ticket, String counter,
			String none, String waiting) {
	}

	/** Who is called now, newest first, as the display shows them. */
	static List<DisplayCall> calls(QueueState state) {
		Queue queue = state.queue();
		return state.calledNow().stream().filter(t -> t.status() == TaskStatus.CALLED).map(t -> {
			return DisplayCall.of(queue.code(), t.ticketNumber(), t.counter(), queue.counter(t.counter()), false);
		}).toList();
	}

}
