package jp.madoguchi.queuestatus.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.queuestatus.domain.StatusStore;
import jp.madoguchi.queuestatus.domain.TicketReferences.TicketReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The phones and status screens connected to this public process: each new status goes to
 * every phone (its ticket's progress) and every status page (all queues). Every 15
 * seconds the same is sent again, so a page learns when the status has grown old (the
 * link is down) and proxies keep the stream open.
 */
@Component
@ServedBy(Role.PUBLIC)
class StatusHub {

	private static final Logger log = LoggerFactory.getLogger(StatusHub.class);

	private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

	private final StatusStore store;

	private final Map<TicketReference, List<SseEmitter>> phones = new ConcurrentHashMap<>();

	private final List<SseEmitter> boards = new CopyOnWriteArrayList<>();

	StatusHub(StatusStore store) {
		this.store = store;
		store.onUpdate(snapshot -> sendAll());
	}

	SseEmitter phone(TicketReference ticket) {
		SseEmitter emitter = register(phones.computeIfAbsent(ticket, t -> new CopyOnWriteArrayList<>()));
		sendPhone(emitter, ticket);
		return emitter;
	}

	SseEmitter board() {
		SseEmitter emitter = register(boards);
		sendBoard(emitter);
		return emitter;
	}

	@Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
	void sendAll() {
		phones.forEach((ticket, list) -> list.forEach(emitter -> sendPhone(emitter, ticket)));
		boards.forEach(this::sendBoard);
	}

	private SseEmitter register(List<SseEmitter> list) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		Runnable remove = () -> list.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		list.add(emitter);
		return emitter;
	}

	private void sendPhone(SseEmitter emitter, TicketReference ticket) {
		send(emitter,
				SseEmitter.event()
					.name("progress")
					.reconnectTime(3000)
					.data(store.progress(ticket.originQueue(), ticket.ticketNumber()), MediaType.APPLICATION_JSON));
	}

	private void sendBoard(SseEmitter emitter) {
		send(emitter,
				SseEmitter.event()
					.name("status")
					.reconnectTime(3000)
					.data(BoardView.of(store), MediaType.APPLICATION_JSON));
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("status page went away: {}", ex.getMessage());
			phones.values().forEach(list -> list.remove(emitter));
			boards.remove(emitter);
			emitter.completeWithError(ex);
		}
	}

}
