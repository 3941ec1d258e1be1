package jp.madoguchi.reception.display;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The displays connected to this server instance, per queue. Calls come from
 * {@link CallListener}, whichever instance made them.
 */
@Component
public class DisplayHub {

	private static final Logger log = LoggerFactory.getLogger(DisplayHub.class);

	/** Browsers reconnect by themselves; an hour bounds what a vanished client holds. */
	private static final long TIMEOUT_MILLIS = 60 * 60 * 1000L;

	private final Map<String, List<SseEmitter>> displays = new ConcurrentHashMap<>();

	/** A new display of {@code queue}; it first receives {@code snapshot}, then calls. */
	public SseEmitter connect(String queue, List<DisplayCall> calledNow) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		List<SseEmitter> list = displays.computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>());
		Runnable remove = () -> list.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		try {
			emitter.send(SseEmitter.event()
				.name("snapshot")
				.reconnectTime(3000)
				.data(calledNow, MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
			return emitter;
		}
		list.add(emitter);
		return emitter;
	}

	void publish(DisplayCall call) {
		for (SseEmitter emitter : displays.getOrDefault(call.queue(), List.of())) {
			send(emitter, SseEmitter.event().name("called").data(call, MediaType.APPLICATION_JSON));
		}
	}

	/**
	 * A comment line now and then: proxies keep the stream open and dead clients show.
	 */
	void heartbeat() {
		displays.values().forEach(list -> list.forEach(emitter -> send(emitter, SseEmitter.event().comment("♥"))));
	}

	int connected() {
		return displays.values().stream().mapToInt(List::size).sum();
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("display went away: {}", ex.getMessage());
			displays.values().forEach(list -> list.remove(emitter));
			emitter.completeWithError(ex);
		}
	}

}
