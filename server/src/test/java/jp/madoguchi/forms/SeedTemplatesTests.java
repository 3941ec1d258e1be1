package jp.madoguchi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.forms.template.TemplateValidator;
import org.junit.jupiter.api.Test;

import static jp.madoguchi.forms.FormSamples.KUSHIRO;
import static jp.madoguchi.forms.FormSamples.TSUJI_TWO_DOTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped templates are valid and render a household of seven without overflow. */
class SeedTemplatesTests {

	static List<FormTemplate> seed() throws IOException {
		try (InputStream in = SeedTemplatesTests.class
			.getResourceAsStream("/db/migration/forms/V2026112661__form_templates.sql")) {
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher m = Pattern.compile("\\$form\\$(.*?)\\$form\\$", Pattern.DOTALL).matcher(sql);
			List<FormTemplate> templates = new ArrayList<>();
			while (m.find()) {
				templates.add(TemplateJson.parse(m.group(1), "seed"));
			}
			return templates;
		}
	}

	@Test
	void everySeedTemplateIsValid() throws IOException {
		List<FormTemplate> templates = seed();
		assertThat(templates).extracting(FormTemplate::id)
			.containsExactly("moving-notification", "nhi-join", "nhi-leave", "child-allowance-claim",
					"seal-registration", "guide-sheet", "reception-ticket");
		for (FormTemplate template : templates) {
			assertThat(TemplateValidator.errors(template)).as(template.id()).isEmpty();
		}
	}

	@Test
	void everySeedTemplateRendersALargeHousehold() throws IOException {
		FormData.Person[] seven = new FormData.Person[7];
		for (int i = 0; i < seven.length; i++) {
			seven[i] = FormSamples.person(TSUJI_TWO_DOTS, "五郎左衛門之助" + i, "ツジ", "ゴロウザエモンノスケ",
					LocalDate.of(1950 + i * 10, 12, 31));
		}
		FormData data = FormSamples.data(KUSHIRO, seven);
		FormData.Procedure procedure = new FormData.Procedure(1, "NHI_JOIN", "国民健康保険の加入", "国民健康保険課", "防災庁舎 1階 7番窓口",
				List.of("本人確認書類", "マイナンバーが分かるもの", "前の健康保険の資格喪失証明書（職場の保険をやめた方）"), List.of("理由"));
		data = new FormData(data.notificationId(), data.reference(), data.type(), data.typeCode(), data.variant(),
				data.variantCode(), data.movedOn(), data.filedOn(), data.plannedMoveOutOn(), data.newAddress(), KUSHIRO,
				data.headName(), data.previousHeadName(), data.newHousehold(), data.persons(), data.filer(),
				data.identityDocuments(), java.util.Collections.nCopies(12, procedure), data.printedOn(),
				data.printedAt(), data.addressee(), data.ticketNumber());
		for (FormTemplate template : seed()) {
			byte[] pdf = FormSamples.renderer().render(template, data, null, FormRendererTests.AT);
			assertThat(pdf).as(template.id()).isNotEmpty();
		}
	}

}
