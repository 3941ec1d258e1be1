package jp.madoguchi.moving.domain;

import java.time.Instant;
import java.time.LocalDate;

import jp.madoguchi.support.Households;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status change (cancel, accept, sent) stores the status, not the whole row: the stored
 * content stays byte for byte what the last edit wrote, even when the notification the
 * change was made on carries other content.
 */
@SpringBootTest
@Transactional // rolled back
class StatusChangeKeepsContentTests {

	@Autowired
	MovingNotifications api;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStatusChangeLeavesTheStoredContentAsItWas() {
		NotificationView draft = api
			.createDraft(Households.familyMovingIn(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25)));
		String before = content(draft);
		Notification read = notifications.find(draft.id()).orElseThrow();
		NotificationContent other = Households.familyMovingIn(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
		Notification stale = new Notification(read.id(), read.version(), read.status(), other, read.findings(),
				read.createdAt(), read.createdBy(), read.updatedAt(), read.updatedBy(), read.acceptedAt(),
				read.acceptedBy());

		stale.cancel("staff", Instant.parse("2026-11-25T01:00:00Z"));
		notifications.updateStatus(stale);

		Notification stored = notifications.find(draft.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(NotificationStatus.CANCELLED);
		assertThat(stored.version()).isEqualTo(read.version() + 1);
		assertThat(stored.updatedBy()).isEqualTo("staff");
		assertThat(content(draft)).isEqualTo(before);
		assertThat(stored.content().movedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(jdbc.sql("select moved_on from moving.notifications where id = ?")
			.param(draft.id())
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(jdbc.sql("select distinct status from moving.notification_names where notification_id = ?")
			.param(draft.id())
			.query(String.class)
			.list()).containsExactly("CANCELLED");
	}

	private String content(NotificationView notification) {
		return jdbc.sql("select content::text from moving.notifications where id = ?")
			.param(notification.id())
			.query(String.class)
			.single();
	}

}
