package jp.madoguchi.residentrecord.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a realistic resident snapshot for demos, training and load tests (never part of
 * the product): households on the streets of the town master, names with variation
 * selectors and characters outside JIS X 0208, foreign residents, and moving-out data
 * sent ahead (特例転入) for people about to arrive. The same seed, size and date give the
 * same bytes.
 * <p>
 * Only the JDK is used, so that {@code bin/start --demo-residents} can run this file
 * directly with {@code java ResidentSnapshotGenerator.java} (no build of the test tree).
 * <p>
 * {@code --out FILE --households N (25000) --seed S (18) --today YYYY-MM-DD (2026-12-01)
 * --town-master CSV (server/src/main/resources/address/sample/mt_town_all-kushiro-SAMPLE.csv)}.
 * The format is that of docs/resident-record.md ("Snapshot file").
 */
public final class ResidentSnapshotGenerator {

	/**
	 * Family names: kanji, kana. Some carry a variation selector or lie outside JIS X
	 * 0208.
	 */
	static final String[][] FAMILY_NAMES = { { "佐藤", "サトウ" }, { "鈴木", "スズキ" }, { "高橋", "タカハシ" }, { "田中", "タナカ" },
			{ "伊藤", "イトウ" }, { "渡辺", "ワタナベ" }, { "山本", "ヤマモト" }, { "中村", "ナカムラ" }, { "小林", "コバヤシ" }, { "加藤", "カトウ" },
			{ "吉田", "ヨシダ" }, { "山田", "ヤマダ" }, { "佐々木", "ササキ" }, { "山口", "ヤマグチ" }, { "松本", "マツモト" }, { "井上", "イノウエ" },
			{ "木村", "キムラ" }, { "斎藤", "サイトウ" }, { "清水", "シミズ" }, { "阿部", "アベ" }, { "菊地", "キクチ" }, { "工藤", "クドウ" },
			{ "今井", "イマイ" }, { "辻", "ツジ" }, { "葛西", "カサイ" }, { "長谷川", "ハセガワ" }, { "村上", "ムラカミ" }, { "石川", "イシカワ" },
			// variation sequences (IVS): the city registered the glyph the resident uses
			{ "辻\uDB40\uDD02", "ツジ" }, { "葛\uDB40\uDD02西", "カサイ" }, { "渡邉\uDB40\uDD10", "ワタナベ" },
			{ "齋\uDB40\uDD02藤", "サイトウ" },
			// outside JIS X 0208 (JIS X 0213 or beyond)
			{ "髙橋", "タカハシ" }, { "山﨑", "ヤマザキ" }, { "\uD842\uDFB7田", "ヨシダ" }, { "德永", "トクナガ" }, { "濵田", "ハマダ" },
			{ "栁田", "ヤナギダ" } };

	static final String[][] MALE_NAMES = { { "太郎", "タロウ" }, { "一郎", "イチロウ" }, { "健太", "ケンタ" }, { "翔太", "ショウタ" },
			{ "大輔", "ダイスケ" }, { "誠", "マコト" }, { "浩二", "コウジ" }, { "拓也", "タクヤ" }, { "蓮", "レン" }, { "悠真", "ユウマ" },
			{ "湊", "ミナト" }, { "隆", "タカシ" }, { "祐介", "ユウスケ" }, { "晴\uDB40\uDD02", "ハル" }, { "琢磨", "タクマ" } };

	static final String[][] FEMALE_NAMES = { { "花子", "ハナコ" }, { "陽子", "ヨウコ" }, { "美咲", "ミサキ" }, { "由美", "ユミ" },
			{ "恵", "メグミ" }, { "さくら", "サクラ" }, { "陽菜", "ヒナ" }, { "結衣", "ユイ" }, { "真由美", "マユミ" }, { "智子", "トモコ" },
			{ "芽依", "メイ" }, { "凜", "リン" }, { "瑤子", "ヨウコ" } };

	/**
	 * Foreign residents: family, given (alphabet, as the residence card), kana,
	 * nationality.
	 */
	static final String[][] FOREIGN = { { "NGUYEN", "VAN AN", "グエン", "ヴァン アン", "ベトナム" },
			{ "TRAN", "THI HOA", "チャン", "ティ ホア", "ベトナム" }, { "WANG", "FANG", "ワン", "ファン", "中国" },
			{ "LI", "WEI", "リ", "ウェイ", "中国" }, { "KIM", "MINJUN", "キム", "ミンジュン", "韓国" },
			{ "SANTOS", "MARIA", "サントス", "マリア", "フィリピン" }, { "GURUNG", "RAJESH", "グルン", "ラジェシュ", "ネパール" },
			{ "SMITH", "JOHN", "スミス", "ジョン", "アメリカ合衆国" }, { "SILVA", "JOSÉ", "シルバ", "ジョゼ", "ブラジル" } };

	static final String[] STATUS = { "技能実習", "特定技能", "留学", "永住者", "技術・人文知識・国際業務", "家族滞在" };

	/** Where people sent ahead move from (転出証明書情報 の 転出元). */
	static final String[][] ELSEWHERE = { { "0600001", "北海道", "札幌市中央区", "北一条西", "2丁目1番地" },
			{ "0400001", "北海道", "函館市", "五稜郭町", "30番15号" }, { "0700031", "北海道", "旭川市", "一条通", "8丁目" },
			{ "1000005", "東京都", "千代田区", "丸の内", "1丁目9番2号" }, { "9800811", "宮城県", "仙台市青葉区", "一番町", "4丁目7番17号" } };

	static final String[] BUILDINGS = { "ハイツ釧路", "コーポ幣舞", "メゾン鶴ヶ岱", "グランドパレス" };

	private final SplittableRandom random;

	private final List<String[]> towns;

	private final LocalDate today;

	private final StringBuilder line = new StringBuilder(512);

	ResidentSnapshotGenerator(long seed, List<String[]> towns, LocalDate today) {
		this.random = new SplittableRandom(seed);
		this.towns = towns;
		this.today = today;
	}

	/** What was written. */
	public record Summary(int households, int residents, int sentAhead) {
	}

	/**
	 * Writes {@code households} households (residents, about 2.5 a household), then
	 * moving-out data sent ahead for one household in a hundred (at least one planned for
	 * {@code today}).
	 */
	public static Summary write(Writer out, int households, long seed, Reader townMaster, LocalDate today)
			throws IOException {
		ResidentSnapshotGenerator generator = new ResidentSnapshotGenerator(seed, towns(townMaster), today);
		return generator.write(out, households);
	}

	private Summary write(Writer out, int households) throws IOException {
		int residents = 0;
		for (int h = 1; h <= households; h++) {
			residents += household(out, h, residents);
		}
		int sentAhead = Math.max(1, households / 100);
		for (int s = 1; s <= sentAhead; s++) {
			sentAhead(out, s);
		}
		return new Summary(households, residents, sentAhead);
	}

	/** Town rows of the master: postal code, prefecture, city, town (大字・町 + 丁目). */
	static List<String[]> towns(Reader townMaster) throws IOException {
		BufferedReader reader = new BufferedReader(townMaster);
		List<String> header = List.of(reader.readLine().split(",", -1));
		int pref = header.indexOf("pref");
		int city = header.indexOf("city");
		int oaza = header.indexOf("oaza_cho");
		int chome = header.indexOf("chome");
		int post = header.indexOf("post_code");
		int abolished = header.indexOf("ablt_date");
		Map<String, String[]> towns = new LinkedHashMap<>();
		for (String row = reader.readLine(); row != null; row = reader.readLine()) {
			String[] f = row.split(",", -1);
			// abolished towns (old names) are not where people live now
			if (f.length <= post || f[oaza].isEmpty() || !f[abolished].isEmpty()) {
				continue;
			}
			// no postal code of its own: the city's "以下に掲載がない場合" code
			String postalCode = f[post].isEmpty() ? "0850000" : f[post];
			towns.put(f[oaza] + f[chome], new String[] { postalCode, f[pref], f[city], f[oaza] + f[chome] });
		}
		if (towns.isEmpty()) {
			throw new IllegalArgumentException("the town master has no towns");
		}
		return List.copyOf(towns.values());
	}

	private int household(Writer out, int number, int residentsBefore) throws IOException {
		String householdId = String.format("H%06d", number);
		String[] town = pick(towns);
		String block = town[3].endsWith("丁目") ? (1 + random.nextInt(30)) + "番" + (1 + random.nextInt(20)) + "号"
				: (1 + random.nextInt(12)) + "丁目" + (1 + random.nextInt(30)) + "番地";
		String building = (random.nextInt(3) == 0)
				? pick(BUILDINGS) + " " + (1 + random.nextInt(4)) + "0" + (1 + random.nextInt(8)) : "";
		String[] address = { town[0], town[1], town[2], town[3], block, building };
		boolean foreign = random.nextInt(100) < 3;
		int size = size();
		LocalDate headBirth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
		LocalDate since = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 36));
		String[] family = foreign ? pick(FOREIGN) : pick(FAMILY_NAMES);
		boolean headMale = random.nextInt(4) != 0;
		List<Person> persons = new ArrayList<>();
		persons.add(person(family, foreign, headMale, headBirth, "世帯主"));
		for (int i = 1; i < size; i++) {
			if (i == 1 && random.nextInt(3) != 0) {
				LocalDate birth = headBirth.plusDays(random.nextInt(365 * 10) - 365 * 5);
				persons.add(person(family, foreign, !headMale, birth, headMale ? "妻" : "夫"));
			}
			else {
				LocalDate birth = headBirth.plusDays(365L * 24 + random.nextInt(365 * 14));
				if (birth.isAfter(today)) {
					birth = today.minusDays(1 + random.nextInt(365));
				}
				persons.add(person(family, foreign, random.nextBoolean(), birth, "子"));
			}
		}
		String head = persons.get(0).fullName();
		for (int i = 0; i < persons.size(); i++) {
			Person p = persons.get(i);
			String residentId = String.format("%08d", 10_000_000 + residentsBefore + i + 1);
			LocalDate became = p.birth.isAfter(since) ? p.birth : since;
			line.setLength(0);
			line.append('{');
			field("residentId", residentId).append(',');
			field("householdId", householdId).append(',');
			personFields(p).append(',');
			field("headOfHousehold", head).append(',');
			addressField("address", address).append(',');
			field("becameResidentOn", became.toString()).append(',');
			field("addressSince", since.toString());
			if (foreign) {
				line.append(',');
				field("nationality", family[4]).append(',');
				field("nameAlphabet", p.family + " " + p.given).append(',');
				field("statusOfResidence", pick(STATUS));
			}
			line.append("}\n");
			out.write(line.toString());
		}
		return persons.size();
	}

	/**
	 * 1 to 5 persons, 2.5 on average (at least two residents a household over the set).
	 */
	private int size() {
		int r = random.nextInt(100);
		return (r < 22) ? 1 : (r < 50) ? 2 : (r < 72) ? 3 : (r < 92) ? 4 : 5;
	}

	private void sentAhead(Writer out, int number) throws IOException {
		String[] from = pick(ELSEWHERE);
		String[] previous = { from[0], from[1], from[2], from[3], from[4], "" };
		String[] town = pick(towns);
		String[] next = { town[0], town[1], town[2], town[3],
				(1 + random.nextInt(30)) + "番" + (1 + random.nextInt(20)) + "号", "" };
		// the first is due today, so that a demo's reception board always has one
		LocalDate visit = (number == 1) ? today : today.plusDays(random.nextInt(21) - 6);
		LocalDate moveOut = visit.minusDays(random.nextInt(14));
		boolean foreign = random.nextInt(20) == 0;
		String[] family = foreign ? pick(FOREIGN) : pick(FAMILY_NAMES);
		LocalDate headBirth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
		List<Person> persons = new ArrayList<>();
		boolean headMale = random.nextBoolean();
		persons.add(person(family, foreign, headMale, headBirth, "世帯主"));
		for (int i = 1, size = 1 + random.nextInt(4); i < size; i++) {
			persons.add((i == 1)
					? person(family, foreign, !headMale, headBirth.plusDays(random.nextInt(2000) - 1000),
							headMale ? "妻" : "夫")
					: person(family, foreign, random.nextBoolean(), today.minusDays(random.nextInt(6000) + 1), "子"));
		}
		line.setLength(0);
		line.append('{');
		field("kind", "SENT_AHEAD").append(',');
		field("noticeId", String.format("T%07d", number)).append(',');
		field("plannedMoveOutDate", moveOut.toString()).append(',');
		field("plannedVisitDate", visit.toString()).append(',');
		addressField("previousAddress", previous).append(',');
		addressField("newAddress", next).append(',');
		field("headOfHousehold", persons.get(0).fullName()).append(",\"persons\":[");
		for (int i = 0; i < persons.size(); i++) {
			line.append((i == 0) ? "{" : ",{");
			personFields(persons.get(i));
			if (foreign) {
				line.append(',');
				field("nationality", family[4]);
			}
			line.append('}');
		}
		line.append("]}\n");
		out.write(line.toString());
	}

	private Person person(String[] family, boolean foreign, boolean male, LocalDate birth, String relationship) {
		if (foreign) {
			String[] given = pick(FOREIGN);
			return new Person(family[0], given[1], family[2], given[3], birth, male ? "MALE" : "FEMALE", relationship);
		}
		String[] given = male ? pick(MALE_NAMES) : pick(FEMALE_NAMES);
		return new Person(family[0], given[0], family[1], given[1], birth, male ? "MALE" : "FEMALE", relationship);
	}

	private StringBuilder personFields(Person p) {
		field("familyName", p.family).append(',');
		field("givenName", p.given).append(',');
		field("familyNameKana", p.familyKana).append(',');
		field("givenNameKana", p.givenKana).append(',');
		field("birthDate", p.birth.toString()).append(',');
		field("sex", p.sex).append(',');
		return field("relationship", p.relationship);
	}

	private StringBuilder addressField(String name, String[] a) {
		line.append('"').append(name).append("\":{");
		field("postalCode", a[0]).append(',');
		field("prefecture", a[1]).append(',');
		field("city", a[2]).append(',');
		field("town", a[3]).append(',');
		field("block", a[4]).append(',');
		return field("building", a[5]).append('}');
	}

	/**
	 * Names and addresses here have no quote, backslash or control character to escape.
	 */
	private StringBuilder field(String name, String value) {
		return line.append('"').append(name).append("\":\"").append(value).append('"');
	}

	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private record Person(String family, String given, String familyKana, String givenKana, LocalDate birth, String sex,
			String relationship) {

		String fullName() {
			return family + " " + given;
		}

	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		if (!options.containsKey("--out")) {
			System.err.println("usage: ResidentSnapshotGenerator --out FILE [--households 25000] [--seed 18]"
					+ " [--today YYYY-MM-DD] [--town-master mt_town_all.csv]");
			System.exit(2);
		}
		Path outFile = Path.of(options.get("--out"));
		Path master = Path.of(options.getOrDefault("--town-master",
				"server/src/main/resources/address/sample/mt_town_all-kushiro-SAMPLE.csv"));
		LocalDate today = LocalDate.parse(options.getOrDefault("--today", "2026-12-01"));
		Path temporary = outFile.resolveSibling("." + outFile.getFileName() + ".tmp");
		Summary summary;
		try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
				Reader towns = new StringReader(Files.readString(master, StandardCharsets.UTF_8))) {
			summary = write(out, Integer.parseInt(options.getOrDefault("--households", "25000")),
					Long.parseLong(options.getOrDefault("--seed", "18")), towns, today);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		// renamed over the old file, as the city drops a new export in place
		Files.move(temporary, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.println(outFile + ": " + summary.residents() + " residents in " + summary.households()
				+ " households, " + summary.sentAhead() + " sent ahead (特例転入), planned visits around " + today);
	}

}
