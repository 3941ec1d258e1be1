package jp.madoguchi.moving.mynumber;

import java.nio.file.Path;
import java.time.LocalDate;

import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.support.Households;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.moving.domain.Notifications;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An instance that lacks the key a My Number was sealed with says so clearly: a 503 with
 * a stable code instead of a 500, and a DOWN health naming the key.
 */
@SpringBootTest
class MyNumberKeysTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MyNumberVault vault;

	@Autowired
	Notifications stored;

	@Autowired
	MovingNotifications notifications;

	@Test
	void aMyNumberSealedElsewhereIsRefusedWithAStableCode(@TempDir Path elsewhere) {
		MyNumberVault other = new MyNumberVault(new MadoguchiProperties(elsewhere, "all"));
		MyNumberVault.Sealed sealed = other.seal("123456789018", "notification:1:0");
		assertThat(other.open(sealed, "notification:1:0")).isEqualTo("123456789018");
		assertThat(vault.keyIds()).doesNotContain(sealed.keyId());
		assertThatThrownBy(() -> vault.open(sealed, "notification:1:0")).isInstanceOfSatisfying(ProblemException.class,
				refused -> {
					assertThat(refused.code()).isEqualTo("MY_NUMBER_KEY_MISSING");
					assertThat(refused.getLocalizedMessage()).contains(sealed.keyId()).contains("鍵フォルダ");
				});
	}

	@Test
	@Transactional // rolled back: the foreign row never reaches other tests
	void healthIsDownNamingAKeyThisInstanceLacks() {
		MyNumberKeysHealth health = new MyNumberKeysHealth(stored, vault,
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		health.check();
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		NotificationView draft = notifications
			.createDraft(Households.familyMovingIn(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25)));
		jdbc.sql("insert into moving.my_numbers (notification_id, position, key_id, nonce, ciphertext) "
				+ "values (?, 0, 'deadbeef', ?, ?)")
			.params(draft.id(), new byte[12], new byte[28])
			.update();

		assertThat(health.check()).containsExactly("deadbeef");
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.health().getDetails()).containsKey("missingKeys");
	}

}
