package jp.madoguchi.bench;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.domain.GuideEngine;
import jp.madoguchi.guidance.domain.RuleBook;
import jp.madoguchi.guidance.domain.RuleBundle;
import jp.madoguchi.guidance.domain.SampleHouseholds;
import jp.madoguchi.moving.NotificationContent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's target: the guide for one household in under 5 ms. The shipped rule bundle
 * (every procedure, both child-allowance versions), evaluated for the sample households
 * of the issue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class GuideBenchmark {

	static final LocalDate MOVED_ON = LocalDate.of(2026, 11, 20);

	@Param({ "familyMovingIn", "elderlyMovingOut", "foreignResidentFromAbroad", "singleMotherMovingWithin" })
	String household;

	RuleBook book;

	NotificationContent notification;

	@Setup
	public void load() throws Exception {
		try (InputStream bundle = GuideBenchmark.class.getResourceAsStream("/guidance/default-bundle.json")) {
			book = JsonMapper.builder().build().readValue(bundle, RuleBundle.class).toRuleBook();
		}
		notification = switch (household) {
			case "familyMovingIn" -> SampleHouseholds.familyMovingIn(MOVED_ON);
			case "elderlyMovingOut" -> SampleHouseholds.elderlyMovingOut(MOVED_ON);
			case "foreignResidentFromAbroad" -> SampleHouseholds.foreignResidentFromAbroad(MOVED_ON);
			default -> SampleHouseholds.singleMotherMovingWithin(MOVED_ON);
		};
	}

	@Benchmark
	public Guide evaluate() {
		return GuideEngine.evaluate(book, notification, MOVED_ON);
	}

}
