package jp.madoguchi.forms;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.forms.render.FormRenderer;
import jp.madoguchi.forms.render.PrintFont;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.font.FontCharacterMap;
import jp.madoguchi.text.font.FontFileCoverage;

/** Templates and data for renderer tests, and the real IPAmj明朝 loaded once. */
final class FormSamples {

	static final Path IPAMJ = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

	static final String TSUJI_TWO_DOTS = "辻\uDB40\uDD02";

	static final Address KUSHIRO = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "", null);

	private static FormRenderer renderer;

	private FormSamples() {
	}

	static synchronized FormRenderer renderer() throws IOException {
		if (renderer == null) {
			FontCoverage coverage = new FontFileCoverage(IPAMJ, FontCharacterMap.read(IPAMJ));
			renderer = new FormRenderer(PrintFont.load(IPAMJ, coverage));
		}
		return renderer;
	}

	/** A renderer that stamps every page (training mode's 研修). */
	static FormRenderer stampedRenderer(String stamp) throws IOException {
		FontCoverage coverage = new FontFileCoverage(IPAMJ, FontCharacterMap.read(IPAMJ));
		return new FormRenderer(PrintFont.load(IPAMJ, coverage), stamp);
	}

	static FormData.Person person(String family, String given, String familyKana, String givenKana, LocalDate born) {
		return new FormData.Person(family, given, family + " " + given, familyKana, givenKana,
				familyKana + " " + givenKana, null, born, 46, false, true, "男", "MALE", "世帯主", null, null, null, null,
				true, "********1234", "国民健康保険", "NHI", null, null);
	}

	static FormData data(Address address, FormData.Person... persons) {
		return new FormData("4a0c3e9e-0000-4000-8000-000000000001", "4a0c3e9e", "転入届", "MOVE_IN", "国内からの転入", "DOMESTIC",
				LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), null, address, null,
				persons.length > 0 ? persons[0].fullName() : null, null, true, List.of(persons),
				new FormData.Filer("本人", "SELF", persons.length > 0 ? persons[0].fullName() : null, "0154-00-0000",
						false),
				List.of("マイナンバーカード"), List.of(), LocalDate.of(2026, 11, 25), "10:15", "釧路市長", "4a0c3e9e");
	}

	static Element.Field field(String name, String bind, double x, double y, double w, double h) {
		return new Element.Field(name, bind, null, x, y, w, h, 12.0, null, null, null);
	}

	/** A one-page form: a title, the address and a row per person. */
	static FormTemplate simple() {
		return new FormTemplate("test-form", "試験様式",
				List.of(new FormTemplate.FormPage(
						List.of(new Element.Text(20, 15, 170, 12, "試験様式", 18.0, "center", null),
								new Element.Line(20, 28, 190, 28, null), new Element.Box(20, 35, 170, 12, null),
								field("住所", "newAddress", 20, 35, 170, 12),
								new Element.Repeat("世帯員", "persons", null, 20, 60, 14, 4,
										List.of(new Element.Box(0, 0, 170, 14, null),
												field("氏名", "fullName", 0, 0, 80, 14),
												field("生年月日", "birthDate", 85, 0, 80, 14)))))));
	}

}
