package jp.madoguchi.moving;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.domain.CodeList;
import jp.madoguchi.moving.domain.CodeMasters;
import jp.madoguchi.moving.domain.Findings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import static jp.madoguchi.support.Households.familyMovingIn;
import static jp.madoguchi.support.Households.person;
import static jp.madoguchi.support.Households.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * UNKNOWN_RELATIONSHIP asks the 続柄 master as it stood on the filing date, not today: a
 * code retired before the notification was filed is unknown, one retired after it is not.
 * The code the test adds lives only in 2099, so today's lists stay the shipped ones.
 */
@SpringBootTest
@WithMockUser(username = "admin-validity", authorities = "MASTER_ADMIN")
class RelationshipValidityTests {

	static final String LABEL = "試験の続柄（検証用）";

	static final LocalDate LAST_DAY = LocalDate.of(2099, 6, 30);

	@Autowired
	Findings findings;

	@Autowired
	CodeMasters codes;

	@Test
	void aCodeRetiredBeforeTheFilingDateIsUnknownAndOneRetiredAfterItIsAccepted() {
		codes.add(CodeList.RELATIONSHIPS, "C91", LABEL, null, LocalDate.of(2099, 1, 1), null, null);
		codes.retire(CodeList.RELATIONSHIPS, "C91", LAST_DAY);
		assertThat(codes(filedOn(LAST_DAY))).as("retired after the filing date").doesNotContain("UNKNOWN_RELATIONSHIP");
		assertThat(codes(filedOn(LAST_DAY.plusDays(1)))).as("retired before the filing date")
			.contains("UNKNOWN_RELATIONSHIP");
		assertThat(codes(filedOn(LocalDate.of(2098, 12, 31)))).as("not yet valid on the filing date")
			.contains("UNKNOWN_RELATIONSHIP");
	}

	/** 辻 太郎 as 世帯主 and a second person with the test's 続柄, moved the day before. */
	private static NotificationContent filedOn(LocalDate day) {
		NotificationContent family = familyMovingIn(day.minusDays(1), day);
		Person other = person("辻", "次郎", "ツジ", "ジロウ", LocalDate.of(1990, 1, 1), LABEL);
		return with(family, family.household(), List.of(family.persons().get(0), other));
	}

	private List<String> codes(NotificationContent content) {
		return findings.of(content).stream().map(Finding::code).toList();
	}

}
