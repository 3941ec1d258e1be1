package jp.madoguchi.reception.display;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jp.madoguchi.reception.TicketCalled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reception module with its direct dependencies (it cannot start alone: its queries
 * and commands write the audit trail, among others) and the shared platform module: a
 * published {@link TicketCalled} becomes a PostgreSQL NOTIFY on the display channel once
 * the publishing transaction commits. The database is the shared test PostgreSQL
 * ({@code SharedTestDatabase}, registered in {@code META-INF/spring.factories}).
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class CallNotifierModuleTests {

	@Autowired
	DataSource dataSource;

	Connection listening;

	@BeforeEach
	void listen() throws SQLException {
		listening = dataSource.getConnection();
		listening.setAutoCommit(true);
		try (Statement statement = listening.createStatement()) {
			statement.execute("LISTEN " + CallNotifier.CHANNEL);
		}
	}

	@AfterEach
	void close() throws SQLException {
		listening.close();
	}

	@Test
	void aCalledTicketIsAnnouncedOnTheDisplayChannel(Scenario scenario) {
		// a queue code nobody else uses, so calls of other tests on the shared database
		// do not count
		String queue = "m" + UUID.randomUUID().toString().substring(0, 8);
		List<String> heard = new ArrayList<>();
		scenario.publish(new TicketCalled(UUID.randomUUID(), UUID.randomUUID(), queue, 42, "3", false, Instant.now()))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> heardOn(queue, heard), payloads -> !payloads.isEmpty())
			.andVerify(payloads -> assertThat(payloads).singleElement()
				.asString()
				.contains("\"queue\":\"" + queue + "\"", "\"ticketNumber\":42", "\"counter\":\"3\""));
	}

	/** The payloads heard so far for the queue; empty until the NOTIFY arrives. */
	private List<String> heardOn(String queue, List<String> heard) {
		try {
			PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(200);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					if (notification.getParameter().contains("\"" + queue + "\"")) {
						heard.add(notification.getParameter());
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return List.copyOf(heard);
	}

}
