package jp.madoguchi.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Finding the household over the generated resident record (issue 18: p95 under 50 ms
 * through the server): each virtual user is one counter clerk searching by name (kanji or
 * kana, with and without the given name), by name and birth date, by address, and by a
 * card read, with a think time between searches. The server must run with the demo
 * snapshot ({@code bench/resident-lookup.sh} starts it so).
 * <p>
 * System properties as {@link CounterLoopSimulation} ({@code baseUrl}, {@code username},
 * {@code password}, {@code seconds}, {@code thinkMillis}) and {@code clerks} (default
 * 20). The API token comes from {@link CounterLoopSimulation}'s preparation (which also
 * creates one queue, unused here).
 */
public class ResidentLookupSimulation extends Simulation {

	static final int CLERKS = Integer.getInteger("clerks", 20);

	static final Duration THINK = Duration.ofMillis(Integer.getInteger("thinkMillis", 1000));

	/** Names the generator gives (family names as kanji and kana, given names). */
	static final String[] FAMILY = { "佐藤", "さとう", "鈴木", "タカハシ", "髙橋", "田中", "渡辺", "渡邉", "山本", "中村", "小林", "吉田", "𠮷田",
			"佐々木", "山﨑", "斎藤", "齋藤", "辻", "つじ", "葛西", "長谷川", "德永", "濵田", "グエン", "NGUYEN" };

	static final String[] GIVEN = { "", "太郎", "たろう", "花子", "一郎", "健太", "美咲", "ゆみ", "さくら", "陽菜", "蓮" };

	static final String[] TOWNS = { "黒金町", "幣舞町", "末広町一丁目", "宮本一丁目", "昭和町1丁目", "鳥取南1", "浦見一丁目5" };

	HttpProtocolBuilder protocol = http.baseUrl(CounterLoopSimulation.BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.authorizationHeader("Bearer " + CounterLoopSimulation.TOKEN);

	ChainBuilder searches = exec(http("by name").post("/api/v1/resident-record/households/search")
		.body(StringBody("{\"name\":\"#{name}\"}"))
		.check(status().is(200)))
		.pause(THINK.dividedBy(2), THINK.multipliedBy(3).dividedBy(2))
		.exec(http("by name and birth date").post("/api/v1/resident-record/households/search")
			.body(StringBody("{\"name\":\"#{family}\",\"birthDate\":\"#{birthDate}\"}"))
			.check(status().is(200)))
		.pause(THINK.dividedBy(2), THINK.multipliedBy(3).dividedBy(2))
		.exec(http("by address").post("/api/v1/resident-record/households/search")
			.body(StringBody("{\"address\":\"#{town}\"}"))
			.check(status().is(200)))
		.pause(THINK.dividedBy(2), THINK.multipliedBy(3).dividedBy(2))
		.exec(http("card read").post("/api/v1/resident-record/households/card-match")
			.body(StringBody(
					"{\"name\":\"#{family} #{given}\",\"birthDate\":\"#{birthDate}\",\"sex\":\"MALE\",\"address\":\"北海道釧路市#{town}\"}"))
			.check(status().is(200)))
		.pause(THINK.dividedBy(2), THINK.multipliedBy(3).dividedBy(2));

	ScenarioBuilder clerks = scenario("counter clerk")
		.exec(during(Integer.getInteger("seconds", 60)).on(exec(session -> session.setAll(next())).exec(searches)));

	{
		setUp(clerks.injectOpen(rampUsers(CLERKS).during(5))).protocols(protocol)
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	private static final SplittableRandom RANDOM = new SplittableRandom(18);

	/** Criteria of one search round, drawn from the names and towns above. */
	static synchronized Map<String, Object> next() {
		String family = FAMILY[RANDOM.nextInt(FAMILY.length)];
		String given = GIVEN[RANDOM.nextInt(GIVEN.length)];
		LocalDate birthDate = LocalDate.of(1940, 1, 1).plusDays(RANDOM.nextInt(365 * 60));
		return Map.of("family", family, "given", given, "name", family + given, "birthDate", birthDate.toString(),
				"town", TOWNS[RANDOM.nextInt(TOWNS.length)]);
	}

}
