package jp.madoguchi.reception.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.Priority;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.QueueAdministration;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.reception.domain.ExpectedArrivals;
import jp.madoguchi.reception.domain.ReceptionDetail;
import jp.madoguchi.reception.domain.ReceptionLegalHolds;
import jp.madoguchi.reception.domain.ReceptionQueries;
import jp.madoguchi.reception.domain.ReceptionSearch;
import jp.madoguchi.reception.domain.TaskStatusChanges;
import jp.madoguchi.reception.domain.TicketIssuing;
import jp.madoguchi.reception.domain.TimelineEvent;
import jp.madoguchi.reception.domain.QueueState;
import jp.madoguchi.reception.domain.StatusChange;
import jp.madoguchi.reception.domain.Ticket;
import jp.madoguchi.reception.domain.Task;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import jp.madoguchi.platform.QrImages;
import jp.madoguchi.reception.TicketLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The counter staff's screens: the board of one queue seen from one counter (受付, 呼出, 対応,
 * 回付), the reception slip and ticket to print, and the inquiry (受付情報照会) with its detail
 * page. Every button is a form (Post/Redirect/Get); htmx only refreshes the waiting list.
 */
@Controller
@RequestMapping("/reception")
@PreAuthorize(ReceptionApiController.STAFF)
class ReceptionPageController {

	static final String VIEW_BOARD = "reception/board";

	static final String FRAGMENT_WAITING = "reception/board :: waiting";

	private final TicketIssuing issuing;

	private final Calling calling;

	private final TaskStatusChanges statusChanges;

	private final ReceptionQueries receptions;

	private final ReceptionLegalHolds legalHolds;

	private final QueueAdministration administration;

	private final Clock clock;

	private final Terminals terminals;

	private final ExpectedArrivals arrivals;

	private final ObjectProvider<TicketLinks> ticketLinks;

	private final QrImages qrImages;

	ReceptionPageController(TicketIssuing issuing, Calling calling, TaskStatusChanges statusChanges,
			ReceptionQueries receptions, ReceptionLegalHolds legalHolds, QueueAdministration administration,
			Clock clock, Terminals terminals, ExpectedArrivals arrivals, ObjectProvider<TicketLinks> ticketLinks,
			QrImages qrImages) {
		this.ticketLinks = ticketLinks;
		this.qrImages = qrImages;
		this.arrivals = arrivals;
		this.issuing = issuing;
		this.calling = calling;
		this.statusChanges = statusChanges;
		this.receptions = receptions;
		this.legalHolds = legalHolds;
		this.administration = administration;
		this.clock = clock;
		this.terminals = terminals;
	}

	/** A waiting ticket on the board, with how long it has waited. */
	record WaitingRow(UUID receptionId, int ticketNumber, boolean priority, long waitedMinutes) {
	}

	@GetMapping
	String board(@RequestParam(defaultValue = "moving") String queue,
			@RequestParam(required = false) @Nullable String counter,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletRequest request,
			Model model) {
		QueueState state = receptions.queueState(queue);
		String chosen = (counter != null && state.queue().counter(counter) != null) ? counter
				: state.queue().counters().get(0).code();
		model.addAttribute("state", state);
		model.addAttribute("queue", state.queue());
		model.addAttribute("counter", chosen);
		model.addAttribute("queues", administration.queues().stream().filter(Queue::active).toList());
		model.addAttribute("waiting", state.waiting().stream().map(this::row).toList());
		model.addAttribute("absent", state.absent().stream().map(this::row).toList());
		List<Task> mine = receptions.atCounter(queue, chosen);
		model.addAttribute("mine", mine);
		model.addAttribute("notificationOf", receptions.notificationsOf(mine));
		model.addAttribute("sentAheadOf", receptions.sentAheadOf(mine));
		model.addAttribute("priorities", Priority.values());
		if (htmx == null) {
			// カード読取 fills the name; the PIN goes from the page to the terminal's agent
			// only.
			Terminals.CardAgent agent = terminals.cardAgent(request).orElse(null);
			model.addAttribute("cardAgentUrl", (agent != null) ? agent.url() : null);
			model.addAttribute("cardAgentToken", (agent != null) ? agent.token() : null);
			// 本日来庁予定 reads personal data (audited): on opening the board, not on every
			// refresh of the waiting list.
			model.addAttribute("arrivals", arrivals.today());
		}
		return (htmx != null) ? FRAGMENT_WAITING : VIEW_BOARD;
	}

	@PostMapping("/receptions")
	String open(@RequestParam String queue, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable Priority priority,
			@RequestParam(required = false) @Nullable UUID notificationId,
			@RequestParam(required = false) @Nullable String counter,
			@RequestParam(required = false) @Nullable String source, RedirectAttributes redirect) {
		try {
			Ticket ticket = issuing.issue(new NewReception(queue, notificationId,
					ReceptionApiController.blankToNull(name), priority, source(notificationId, source)));
			return "redirect:/reception/receptions/" + ticket.reception().id() + "/slip";
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
			return board(queue, counter);
		}
	}

	/**
	 * 発券 for a household expected today (特例転入): the ticket is taken in the 住民異動 queue and
	 * remembers the data sent ahead.
	 */
	@PostMapping("/arrivals/ticket")
	String issueForArrival(@RequestParam String noticeId, @RequestParam String queue,
			@RequestParam(required = false) @Nullable String counter, RedirectAttributes redirect) {
		try {
			Ticket ticket = arrivals.issue(noticeId, queue);
			return "redirect:/reception/receptions/" + ticket.reception().id() + "/slip";
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
			return board(queue, counter);
		}
	}

	/**
	 * 特例転入を始める on a called ticket issued from data sent ahead: the draft is made from
	 * that data and opened; the board links to it from then on.
	 */
	@PostMapping("/receptions/{id}/special-move-in")
	@PreAuthorize(ReceptionApiController.STAFF + " and hasAuthority('NOTIFICATION_EDIT')")
	String startSpecialMoveIn(@PathVariable UUID id, @RequestParam String queue,
			@RequestParam(required = false) @Nullable String counter, RedirectAttributes redirect) {
		try {
			return "redirect:/notifications/" + arrivals.startSpecialMoveIn(id);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
			return board(queue, counter);
		}
	}

	/**
	 * The board's form says SCRATCH, or CARD once カード読取 filled the name; the other
	 * sources are set by the system, never by a form.
	 */
	private static ReceptionSource source(@Nullable UUID notificationId, @Nullable String source) {
		if (notificationId != null) {
			return ReceptionSource.NOTIFICATION;
		}
		if (source == null || source.isBlank() || ReceptionSource.SCRATCH.name().equals(source)) {
			return ReceptionSource.SCRATCH;
		}
		if (ReceptionSource.CARD.name().equals(source)) {
			return ReceptionSource.CARD;
		}
		throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_SOURCE");
	}

	@PostMapping("/call-next")
	String callNext(@RequestParam String queue, @RequestParam String counter, RedirectAttributes redirect) {
		try {
			Ticket ticket = calling.callNext(queue, counter);
			redirect.addFlashAttribute("calledTicket", ticket.reception().ticketNumber());
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return board(queue, counter);
	}

	@PostMapping("/receptions/{id}/status")
	String status(@PathVariable UUID id, @RequestParam TaskStatus status,
			@RequestParam(required = false) @Nullable String toQueue, @RequestParam String queue,
			@RequestParam String counter, RedirectAttributes redirect) {
		try {
			statusChanges.changeStatus(id,
					new StatusChange(status, ReceptionApiController.blankToNull(toQueue), counter, queue));
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return board(queue, counter);
	}

	/**
	 * Legal hold (保存延長) from the reception's detail page: the same service as the API, so
	 * the same rule (a hold needs a reason) and the same audit.
	 */
	@PostMapping("/receptions/{id}/legal-hold")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	String legalHold(@PathVariable UUID id, @RequestParam boolean held,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			legalHolds.setLegalHold(id, held, reason);
			redirect.addFlashAttribute("saved", held ? "reception.legalHold.set" : "reception.legalHold.released");
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return "redirect:/reception/receptions/" + id;
	}

	/** 受付票: the slip handed to the resident (number, queue, place, estimate). */
	@GetMapping("/receptions/{id}/slip")
	String slip(@PathVariable UUID id, Model model) {
		String view = printable(id, model, "reception/slip");
		TicketLinks links = ticketLinks.getIfAvailable();
		if (links != null) {
			links.phonePage(((Ticket) model.getAttribute("ticket")).reception()).ifPresent(url -> {
				model.addAttribute("phonePage", url);
				model.addAttribute("phoneQr", qrImages.pngDataUrl(url));
			});
		}
		return view;
	}

	/** 番号札: the small ticket without the name. */
	@GetMapping("/receptions/{id}/ticket")
	String ticket(@PathVariable UUID id, Model model) {
		return printable(id, model, "reception/ticket");
	}

	private String printable(UUID id, Model model, String view) {
		Ticket ticket = receptions.read(id);
		model.addAttribute("ticket", ticket);
		model.addAttribute("reception", ticket.reception());
		model.addAttribute("queueNames", queueNames());
		return view;
	}

	/**
	 * 受付情報照会: today's receptions, or by date, status, ticket and queue. A name is
	 * searched by POST only, so that it never ends up in a URL.
	 */
	@GetMapping("/inquiry")
	String inquiry(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable TaskStatus status,
			@RequestParam(required = false) @Nullable Integer ticket,
			@RequestParam(required = false) @Nullable String queue, Model model) {
		return inquiryPage(date, status, null, ticket, queue, model);
	}

	@PostMapping("/inquiry")
	String search(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable TaskStatus status,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable Integer ticket,
			@RequestParam(required = false) @Nullable String queue, Model model) {
		return inquiryPage(date, status, name, ticket, queue, model);
	}

	private String inquiryPage(@Nullable LocalDate date, @Nullable TaskStatus status, @Nullable String name,
			@Nullable Integer ticket, @Nullable String queue, Model model) {
		boolean searched = date != null || status != null || ticket != null
				|| ReceptionApiController.blankToNull(name) != null
				|| ReceptionApiController.blankToNull(queue) != null;
		LocalDate day = (date != null) ? date : (searched ? null : LocalDate.now(clock));
		model.addAttribute("date", day);
		model.addAttribute("status", status);
		model.addAttribute("name", name);
		model.addAttribute("ticket", ticket);
		model.addAttribute("queue", queue);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("queueNames", queueNames());
		model.addAttribute("results", receptions.search(new ReceptionSearch(day, status,
				ReceptionApiController.blankToNull(name), ticket, ReceptionApiController.blankToNull(queue), 200)));
		return "reception/inquiry";
	}

	@GetMapping("/receptions/{id}")
	String detail(@PathVariable UUID id, Model model) {
		ReceptionDetail detail = receptions.detail(id);
		model.addAttribute("reception", detail.reception());
		model.addAttribute("timeline", detail.timeline());
		model.addAttribute("actors", detail.timeline().stream().map(TimelineEvent::actor).distinct().toList());
		model.addAttribute("legalHold", legalHolds.legalHold(id));
		model.addAttribute("queueNames", queueNames());
		return "reception/detail";
	}

	private WaitingRow row(Task task) {
		return new WaitingRow(task.receptionId(), task.ticketNumber(), task.priority(),
				Math.max(0, Duration.between(task.enqueuedAt(), clock.instant()).toMinutes()));
	}

	private static String board(String queue, @Nullable String counter) {
		return "redirect:" + UriComponentsBuilder.fromPath("/reception")
			.queryParam("queue", queue)
			.queryParamIfPresent("counter", java.util.Optional.ofNullable(counter))
			.encode()
			.build()
			.toUriString();
	}

	/** Queue code → Japanese name, for pages that show tasks. */
	private java.util.Map<String, String> queueNames() {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		administration.queues().forEach(q -> names.put(q.code(), q.name()));
		return names;
	}

}
