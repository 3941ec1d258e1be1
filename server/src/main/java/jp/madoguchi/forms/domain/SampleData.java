package jp.madoguchi.forms.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.moving.NotificationContent.Address;

/**
 * A fictitious household for the template editor's preview: no real person's data, a name
 * with a variation selector (辻 with two dots) and a long address, so the preview shows
 * the hard cases.
 */
final class SampleData {

	private static final String TSUJI = "辻\uDB40\uDD02";

	private SampleData() {
	}

	static FormData household(ZonedDateTime now, String addressee) {
		LocalDate today = now.toLocalDate();
		Address kushiro = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "窓口マンション 305号室", null);
		Address sapporo = new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目", "", null);
		List<FormData.Person> persons = List.of(
				person(TSUJI, "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1), 46, "男", "MALE", "世帯主"),
				person(TSUJI, "花子", "ツジ", "ハナコ", LocalDate.of(1982, 6, 3), 44, "女", "FEMALE", "妻"),
				person(TSUJI, "一郎", "ツジ", "イチロウ", LocalDate.of(2016, 9, 10), 10, "男", "MALE", "子"));
		List<FormData.Procedure> procedures = List.of(
				new FormData.Procedure(1, "MY_NUMBER_CARD_ADDRESS", "マイナンバーカードの住所変更", "市民課", "防災庁舎 1階 3番窓口",
						List.of("マイナンバーカード", "カードの暗証番号（数字4桁）"), List.of("辻󠄂 太郎さん: マイナンバーカードあり")),
				new FormData.Procedure(2, "NHI_JOIN", "国民健康保険の加入", "国民健康保険課", "防災庁舎 1階 7番窓口",
						List.of("本人確認書類", "マイナンバーが分かるもの"), List.of("辻󠄂 太郎さん: 国民健康保険")),
				new FormData.Procedure(3, "CHILD_ALLOWANCE_CLAIM", "児童手当の認定請求", "こども支援課", "本庁舎 2階 21番窓口",
						List.of("請求者の健康保険の資格確認書等", "請求者名義の預金通帳"), List.of("辻󠄂 一郎さん: 18歳以下")));
		return new FormData("00000000-0000-4000-8000-000000000000", "SAMPLE01", "転入届", "MOVE_IN", "", "DOMESTIC",
				today.minusDays(5), today, null, kushiro, sapporo, TSUJI + " 太郎", TSUJI + " 一郎", true, persons,
				new FormData.Filer("本人", "SELF", TSUJI + " 太郎", "0154-00-0000", false), List.of("マイナンバーカード"),
				procedures, today, now.format(DateTimeFormatter.ofPattern("HH:mm")), addressee, "12",
				List.of(new FormData.HouseholdRow(TSUJI + " 花子", "世帯を離れる", "H0042", TSUJI + " 太郎", "妻", TSUJI + " 花子",
						"世帯主", "世帯主になる"),
						new FormData.HouseholdRow(TSUJI + " 一郎", "世帯を離れる", "H0042", TSUJI + " 太郎", "子", TSUJI + " 花子",
								"子", ""),
						new FormData.HouseholdRow(TSUJI + " 太郎", "残る", "H0042", TSUJI + " 太郎", "世帯主", TSUJI + " 太郎",
								"世帯主", "")));
	}

	private static FormData.Person person(String family, String given, String familyKana, String givenKana,
			LocalDate born, int age, String sex, String sexCode, String relationship) {
		return new FormData.Person(family, given, family + " " + given, familyKana, givenKana,
				familyKana + " " + givenKana, null, born, age, age < 18, age >= 15, sex, sexCode, relationship, null,
				null, null, null, true, "********1234", "国民健康保険", "NHI", null, null);
	}

}
