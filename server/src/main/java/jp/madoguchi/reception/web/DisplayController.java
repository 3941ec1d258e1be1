package jp.madoguchi.reception.web;

import java.util.List;

import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.display.DisplayCall;
import jp.madoguchi.reception.display.DisplayHub;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.ReceptionQueries;
import jp.madoguchi.reception.domain.QueueState;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 呼出表示: the large-screen page of one queue and its event stream. A display terminal has
 * no staff login: it is let in by a display token of that queue (issued by MASTER_ADMIN),
 * or by a signed-in user with RECEPTION (staff opening the display to check it). Neither
 * page nor stream shows personal data: ticket numbers and counters only.
 */
@Controller
class DisplayController {

	static final String ALLOWED = "hasAuthority('RECEPTION') or @displayTokens.permits(#queue, #token)";

	private final ReceptionQueries receptions;

	private final DisplayHub hub;

	DisplayController(ReceptionQueries receptions, DisplayHub hub) {
		this.receptions = receptions;
		this.hub = hub;
	}

	@GetMapping("/display/{queue}")
	@PreAuthorize(ALLOWED)
	String page(@PathVariable String queue, @RequestParam(required = false) @Nullable String token, Model model) {
		QueueState state = receptions.queueState(queue);
		model.addAttribute("queue", state.queue());
		model.addAttribute("calls", calls(state));
		model.addAttribute("waiting", state.waiting().size());
		model.addAttribute("estimate", state.estimatedWaitMinutes());
		model.addAttribute("token", token);
		return "reception/display";
	}

	@GetMapping(path = "/display/{queue}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize(ALLOWED)
	@ResponseBody
	SseEmitter events(@PathVariable String queue, @RequestParam(required = false) @Nullable String token) {
		return hub.connect(queue, calls(receptions.queueState(queue)));
	}

	/** Who is called now, newest first, as the display shows them. */
	static List<DisplayCall> calls(QueueState state) {
		Queue queue = state.queue();
		return state.calledNow().stream().filter(t -> t.status() == TaskStatus.CALLED).map(t -> {
			Queue.Counter counter = queue.counter(t.counter());
			return new DisplayCall(queue.code(), t.ticketNumber(), t.counter(),
					(counter != null) ? counter.name() : t.counter(),
					(counter != null) ? counter.nameEn() : t.counter(), false);
		}).toList();
	}

}
