package jp.madoguchi.reception.display;

import jp.madoguchi.reception.TicketCalled;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.QueueMaster;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a call into a PostgreSQL NOTIFY on the calling transaction's connection.
 * PostgreSQL delivers it only when that transaction commits, so a display never shows a
 * call that was rolled back, and every server instance (each listening) hears it.
 */
@Component
class CallNotifier {

	static final String CHANNEL = "madoguchi_reception_called";

	private final JdbcClient jdbc;

	private final QueueMaster master;

	private final JsonMapper json;

	CallNotifier(JdbcClient jdbc, QueueMaster master, JsonMapper json) {
		this.jdbc = jdbc;
		this.master = master;
		this.json = json;
	}

	@EventListener
	void on(TicketCalled called) {
		Queue.Counter counter = master.queue(called.queue()).map(q -> q.counter(called.counter())).orElse(null);
		DisplayCall call = DisplayCall.of(called.queue(), called.ticketNumber(), called.counter(), counter,
				called.recall());
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, json.writeValueAsString(call)).query().singleRow();
	}

}
