package jp.madoguchi.guidance.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Every fact and function a rule may name, with its scope, its type and a Japanese
 * description for the rule editor. The language refuses any other name at save time.
 */
public final class FactCatalogue {

	/** Where a fact lives: on the household (and the notification) or on each person. */
	public enum Scope {

		HOUSEHOLD, PERSON

	}

	/** The value types of the language. */
	public enum Type {

		BOOLEAN, NUMBER, SYMBOL, TEXT

	}

	/**
	 * A fact: {@code symbols} lists the values a {@link Type#SYMBOL} fact can take.
	 */
	public record Fact(String name, Scope scope, Type type, Set<String> symbols, String description) {
	}

	/** A function of one whole-number argument, or of one condition ({@code any}). */
	public record Function(String name, Scope scope, Type result, boolean takesCondition, String description) {
	}

	private static final Map<String, Fact> FACTS = new LinkedHashMap<>();

	private static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();

	static {
		household("type", Type.SYMBOL, names(NotificationType.values()),
				"届出の種類（MOVE_IN 転入, MOVE_OUT 転出, MOVE_WITHIN 転居, HOUSEHOLD_CHANGE 世帯変更）");
		household("variant", Type.SYMBOL, names(Variant.values()),
				"届出の区分（DOMESTIC, SPECIAL 特例転入, FROM_ABROAD 国外から, TO_ABROAD 国外へ など）");
		household("hasDog", Type.BOOLEAN, Set.of(), "犬を飼っている");
		household("hasMoped", Type.BOOLEAN, Set.of(), "原動機付自転車などを持っている");
		household("waterService", Type.BOOLEAN, Set.of(), "市の水道を使う（使用開始・中止の届出がいる）");
		household("personCount", Type.NUMBER, Set.of(), "届出の対象となる人数");

		person("age", Type.NUMBER, Set.of(), "基準日（異動日、なければ届出日）の年齢。誕生日に1歳増える");
		person("schoolAge", Type.BOOLEAN, Set.of(), "学齢（義務教育）: 6歳に達した後の最初の4月1日から、15歳に達した日の属する年度末まで");
		person("preschool", Type.BOOLEAN, Set.of(), "就学前（小学校に入る前の子ども）");
		person("schoolGrade", Type.NUMBER, Set.of(), "学年（小1=1 〜 中3=9、学齢でなければ不明）");
		person("childAllowanceAge", Type.BOOLEAN, Set.of(), "児童手当の対象年齢: 18歳に達した日以後の最初の3月31日まで");
		person("healthInsurance", Type.SYMBOL, names(HealthInsurance.values()),
				"健康保険（NHI 国保, EMPLOYEE 職場の保険, LATE_ELDERLY 後期高齢者医療, NONE なし）");
		person("careCertified", Type.BOOLEAN, Set.of(), "要介護・要支援の認定を受けている");
		person("disabilityCertificate", Type.BOOLEAN, Set.of(), "障害者手帳（身体・療育・精神）を持っている");
		person("pregnant", Type.BOOLEAN, Set.of(), "妊娠している");
		person("inNursery", Type.BOOLEAN, Set.of(), "保育所・認定こども園などに通っている");
		person("publicAssistance", Type.BOOLEAN, Set.of(), "生活保護を受けている");
		person("singleParent", Type.BOOLEAN, Set.of(), "ひとり親である");
		person("foreignResident", Type.BOOLEAN, Set.of(), "外国人住民である");
		person("residenceCategory", Type.SYMBOL, names(ForeignResidentCategory.values()),
				"外国人住民の区分（MID_TO_LONG_TERM 中長期在留者, SPECIAL_PERMANENT 特別永住者, TEMPORARY_REFUGE 一時庇護許可者, "
						+ "PROVISIONAL_STAY 仮滞在許可者, TRANSITIONAL_BY_BIRTH 出生による経過滞在者, "
						+ "TRANSITIONAL_BY_NATIONALITY_LOSS 国籍喪失による経過滞在者）。外国人住民でない人・区分の分からない人は不明");
		person("stayDaysLeft", Type.NUMBER, Set.of(), "基準日から在留期間の満了日までの日数（満了日当日は0、過ぎていれば負）。満了日の分からない人は不明");
		person("myNumberCard", Type.BOOLEAN, Set.of(), "マイナンバーカードを持っている");
		person("head", Type.BOOLEAN, Set.of(), "世帯主である（続柄が「世帯主」）");
		person("relationship", Type.TEXT, Set.of(), "続柄（世帯主から見た関係、例: \"子\"）");

		function("reached", Scope.PERSON, Type.BOOLEAN, false, "reached(65): 年齢計算ニ関スル法律による、その年齢に達した日（誕生日の前日）以後である");
		function("untilMarch31AfterAge", Scope.PERSON, Type.BOOLEAN, false,
				"untilMarch31AfterAge(15): その年齢に達した日以後の最初の3月31日まで（生まれた後）である");
		function("any", Scope.HOUSEHOLD, Type.BOOLEAN, true, "any(条件): 世帯の誰か1人でも条件に当てはまる");
		function("count", Scope.HOUSEHOLD, Type.NUMBER, true, "count(条件): 条件に当てはまる人の数");
	}

	private FactCatalogue() {
	}

	public static @Nullable Fact fact(String name) {
		return FACTS.get(name);
	}

	public static @Nullable Function function(String name) {
		return FUNCTIONS.get(name);
	}

	public static List<Fact> facts() {
		return List.copyOf(FACTS.values());
	}

	public static List<Function> functions() {
		return List.copyOf(FUNCTIONS.values());
	}

	private static void household(String name, Type type, Set<String> symbols, String description) {
		FACTS.put(name, new Fact(name, Scope.HOUSEHOLD, type, symbols, description));
	}

	private static void person(String name, Type type, Set<String> symbols, String description) {
		FACTS.put(name, new Fact(name, Scope.PERSON, type, symbols, description));
	}

	private static void function(String name, Scope scope, Type result, boolean takesCondition, String description) {
		FUNCTIONS.put(name, new Function(name, scope, result, takesCondition, description));
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

}
