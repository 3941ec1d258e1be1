package jp.madoguchi.queuestatus.web;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.queuestatus.domain.StatusStore;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 待ち状況: every queue of the day at a glance, with today's typical wait by hour; with
 * {@code ?screen=hall} the large layout for a screen in the waiting hall. Live through
 * the same status stream as the phones.
 */
@Controller
@ServedBy(Role.PUBLIC)
// The public site: numbers and counters only.
@PreAuthorize("permitAll()")
class QueueStatusPageController {

	private final StatusStore store;

	private final StatusHub hub;

	QueueStatusPageController(StatusStore store, StatusHub hub) {
		this.store = store;
		this.hub = hub;
	}

	@GetMapping("/public/queues")
	String page(@RequestParam(defaultValue = "") String screen, Model model) {
		model.addAttribute("board", BoardView.of(store));
		model.addAttribute("hall", "hall".equals(screen));
		return "queuestatus/queues";
	}

	@GetMapping(path = "/public/queues/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events() {
		return hub.board();
	}

}
