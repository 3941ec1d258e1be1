package jp.madoguchi.reception.display;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs for calls on one connection of its own, in a daemon thread, and hands them to
 * the {@link DisplayHub}. Waiting in {@code getNotifications(timeout)} costs no queries;
 * the timeout paces the heartbeat. When the connection breaks (database restart,
 * failover) it connects again after a pause; calls made in between are missed, and the
 * displays' {@code snapshot} on reconnection shows the state again.
 */
@Component
class CallListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CallListener.class);

	private static final int POLL_MILLIS = 1_000;

	private static final long HEARTBEAT_MILLIS = 20_000;

	private final DataSource dataSource;

	private final DisplayHub hub;

	private final JsonMapper json;

	private volatile boolean running;

	private @Nullable Thread thread;

	private volatile @Nullable Connection connection;

	CallListener(DataSource dataSource, DisplayHub hub, JsonMapper json) {
		this.dataSource = dataSource;
		this.hub = hub;
		this.json = json;
	}

	@Override
	public synchronized void start() {
		running = true;
		Thread listener = new Thread(this::listen, "reception-call-listener");
		listener.setDaemon(true);
		listener.start();
		thread = listener;
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread listener = thread;
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(POLL_MILLIS + 1000L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		while (running) {
			try (Connection listening = dataSource.getConnection()) {
				connection = listening;
				listening.setAutoCommit(true);
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + CallNotifier.CHANNEL);
				}
				PGConnection postgres = listening.unwrap(PGConnection.class);
				long lastBeat = System.currentTimeMillis();
				while (running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification.getParameter());
						}
					}
					if (System.currentTimeMillis() - lastBeat >= HEARTBEAT_MILLIS) {
						hub.heartbeat();
						lastBeat = System.currentTimeMillis();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					log.warn("Call display listener lost its connection, reconnecting: {}", ex.getMessage());
					pause();
				}
			}
			finally {
				connection = null;
			}
		}
	}

	private void deliver(String payload) {
		try {
			hub.publish(json.readValue(payload, DisplayCall.class));
		}
		catch (RuntimeException ex) {
			log.warn("Ignored an unreadable call notification: {}", ex.getMessage());
		}
	}

	private void pause() {
		try {
			Thread.sleep(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
