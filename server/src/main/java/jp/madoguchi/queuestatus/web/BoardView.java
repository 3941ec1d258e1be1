package jp.madoguchi.queuestatus.web;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.queuestatus.domain.StatusMessage.QueueStatus;
import jp.madoguchi.queuestatus.domain.StatusStore;
import org.jspecify.annotations.Nullable;

/**
 * All queues at a glance, as the status page and its stream show them; a status of
 * another day shows no queues.
 */
record BoardView(List<QueueStatus> queues, @Nullable Instant statusAt, boolean current) {

	static BoardView of(StatusStore store) {
		return store.snapshot()
			.map(s -> new BoardView(store.today(s) ? s.message().queues() : List.of(), s.message().publishedAt(),
					store.current(s)))
			.orElse(new BoardView(List.of(), null, false));
	}

}
