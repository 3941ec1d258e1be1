package jp.madoguchi.retention.domain;

import java.time.LocalDate;

import jp.madoguchi.retention.DependentsPurged;
import jp.madoguchi.retention.Purgeable;
import jp.madoguchi.retention.domain.RetentionService.Trigger;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention module with its direct dependencies (the audit module: the run audits
 * every target and purges the audit trail, so it cannot start alone), and a stand-in
 * {@link Purgeable} for the modules that keep data: the rows another module reports
 * through {@link DependentsPurged} during a run are counted in that run.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class DependentsPurgedModuleTests {

	static final String DEPENDENTS = "test.dependents";

	@Autowired
	RetentionService retention;

	@Test
	void dependentsReportedDuringARunAreCountedInIt(Scenario scenario) {
		scenario.stimulate(() -> retention.run(Trigger.MANUAL, "module-test").orElseThrow())
			.andWaitForEventOfType(DependentsPurged.class)
			.matching(purged -> purged.target().equals(DEPENDENTS))
			.toArriveAndVerify((purged, run) -> assertThat(run.counts()).containsEntry(DEPENDENTS, 3L)
				.containsEntry(StandInPurgeable.TARGET, 2L));
	}

	@TestConfiguration
	static class StandIn {

		@Bean
		StandInPurgeable standInPurgeable(ApplicationEventPublisher events) {
			return new StandInPurgeable(events);
		}

	}

	/**
	 * Purges two records of its own and, like forms with print jobs, three dependents.
	 */
	static class StandInPurgeable implements Purgeable {

		static final String TARGET = "test.records";

		private final ApplicationEventPublisher events;

		StandInPurgeable(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Override
		public String target() {
			return TARGET;
		}

		@Override
		public long countDue(LocalDate cutoff) {
			return 2;
		}

		@Override
		public long purge(LocalDate cutoff) {
			events.publishEvent(new DependentsPurged(DEPENDENTS, 3));
			return 2;
		}

	}

}
