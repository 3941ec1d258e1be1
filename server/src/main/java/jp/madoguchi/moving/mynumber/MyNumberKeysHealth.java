package jp.madoguchi.moving.mynumber;

import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.moving.domain.Notifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health {@code myNumberKeys}: DOWN, naming the key ids, when stored My Numbers were
 * sealed under keys this instance does not hold, typically a second instance started with
 * a data directory of its own. Checked once when the application is ready (keys are read
 * only at start, and new My Numbers are sealed under a key the instance holds), so the
 * probe costs nothing.
 */
@Component
class MyNumberKeysHealth implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(MyNumberKeysHealth.class);

	private final Notifications notifications;

	private final MyNumberVault vault;

	private volatile @Nullable Set<String> missing;

	MyNumberKeysHealth(Notifications notifications, MyNumberVault vault,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.notifications = notifications;
		this.vault = vault;
		io.micrometer.core.instrument.Gauge
			.builder("madoguchi.my.number.keys.missing", this,
					(health) -> (health.missing != null) ? health.missing.size() : health.check().size())
			.description("Keys stored My Numbers were sealed with that this instance lacks")
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		Set<String> found = check();
		if (!found.isEmpty()) {
			log.error("Stored My Numbers were sealed with keys {} that this instance's key directory lacks: "
					+ "give every instance the same keys (docs/operations.md, Several instances).", found);
		}
	}

	/** Looks again at the keys in use; answers the ids this instance lacks. */
	Set<String> check() {
		Set<String> lacking = new TreeSet<>(notifications.myNumberKeyIds());
		lacking.removeAll(vault.keyIds());
		missing = Set.copyOf(lacking);
		return missing;
	}

	@Override
	public Health health() {
		Set<String> lacking = (missing != null) ? missing : check();
		return lacking.isEmpty() ? Health.up().withDetail("keys", vault.keyIds().size()).build()
				: Health.down().withDetail("missingKeys", lacking).build();
	}

}
