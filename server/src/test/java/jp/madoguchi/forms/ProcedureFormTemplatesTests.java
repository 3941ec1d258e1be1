package jp.madoguchi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.forms.template.DataPaths;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.Formats;
import jp.madoguchi.forms.template.Signers;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.forms.template.TemplateValidator;
import jp.madoguchi.moving.NotificationContent.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static jp.madoguchi.forms.FormSamples.KUSHIRO;
import static jp.madoguchi.forms.FormSamples.TSUJI_TWO_DOTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: every form the procedure master names has a template (or the procedure says
 * why it has none), and every template of {@code V2026120351} renders a sample visit with
 * each bound value in the PDF's text, nothing overflowing and every character in the font
 * (the renderer refuses otherwise).
 */
class ProcedureFormTemplatesTests {

	static final String PROCEDURE_TEMPLATES = "/db/migration/forms/V2026120351__procedure_form_templates.sql";

	static final Address SAPPORO = new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目", "", null);

	@TempDir
	Path dir;

	/** Every template of a migration, versions in file order. */
	static List<FormTemplate> templates(String resource) throws IOException {
		try (InputStream in = ProcedureFormTemplatesTests.class.getResourceAsStream(resource)) {
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher m = Pattern.compile("\\$form\\$(.*?)\\$form\\$", Pattern.DOTALL).matcher(sql);
			List<FormTemplate> templates = new ArrayList<>();
			while (m.find()) {
				templates.add(TemplateJson.parse(m.group(1), resource));
			}
			return templates;
		}
	}

	/** The shipped master: procedure code → its forms, and the reasons given for none. */
	static JsonNode master() throws IOException {
		try (InputStream in = ProcedureFormTemplatesTests.class.getResourceAsStream("/guidance/default-bundle.json")) {
			return JsonMapper.builder().build().readTree(in).get("procedures");
		}
	}

	@Test
	void everyFormTheMasterNamesHasATemplateAndAProcedureWithoutOneSaysWhy() throws IOException {
		Set<String> shipped = new LinkedHashSet<>();
		SeedTemplatesTests.seed().forEach(t -> shipped.add(t.id()));
		templates(PROCEDURE_TEMPLATES).forEach(t -> shipped.add(t.id()));
		Map<String, String> withoutTemplate = new LinkedHashMap<>();
		List<String> withoutReason = new ArrayList<>();
		int named = 0;
		for (JsonNode procedure : master()) {
			String code = procedure.get("code").asString();
			JsonNode forms = procedure.get("forms");
			for (JsonNode form : forms) {
				named++;
				if (!shipped.contains(form.asString())) {
					withoutTemplate.put(form.asString(), code);
				}
			}
			JsonNode reason = procedure.get("noFormReason");
			if (forms.isEmpty() && (reason == null || reason.isNull() || reason.asString().isBlank())) {
				withoutReason.add(code);
			}
		}
		// issue 19 counted 23; the shipped master names 24 (4 with templates before, 20
		// without)
		assertThat(named).as("form ids the master names").isEqualTo(24);
		assertThat(withoutTemplate).as("forms without a template (form → procedure)").isEmpty();
		assertThat(withoutReason).as("procedures without forms and without a reason").isEmpty();
		assertThat(shipped).contains("residence-certificate-request", "seal-certificate-request", "power-of-attorney");
	}

	@Test
	void everyNewTemplateIsValidAndA4() throws IOException {
		List<FormTemplate> templates = templates(PROCEDURE_TEMPLATES);
		// 20 forms of procedures, 3 requests made on the same visit, 5 new versions of
		// shipped ones
		assertThat(templates).hasSize(20 + 3 + 5);
		for (FormTemplate template : templates) {
			assertThat(TemplateValidator.errors(template)).as(template.id()).isEmpty();
		}
	}

	/**
	 * A family of four moving in from Sapporo (parents, a child of 10, a grandmother of
	 * 80) filed by the father; the procedure's subjects as the guide would name them.
	 */
	static FormData visit() {
		FormData.Person father = FormSamples.person(TSUJI_TWO_DOTS, "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1));
		FormData.Person mother = new FormData.Person(TSUJI_TWO_DOTS, "花子", TSUJI_TWO_DOTS + " 花子", "ツジ", "ハナコ",
				"ツジ ハナコ", null, LocalDate.of(1982, 6, 3), 44, false, true, "女", "FEMALE", "妻", "日本", null, null, null,
				true, "********5678", "国民健康保険", "NHI", null, null);
		FormData.Person child = new FormData.Person(TSUJI_TWO_DOTS, "一郎", TSUJI_TWO_DOTS + " 一郎", "ツジ", "イチロウ",
				"ツジ イチロウ", null, LocalDate.of(2016, 9, 10), 10, true, false, "男", "MALE", "子", null, null, null, null,
				false, null, "国民健康保険", "NHI", null, null);
		FormData.Person grandmother = new FormData.Person("髙橋", "ヨシ", "髙橋 ヨシ", "タカハシ", "ヨシ", "タカハシ ヨシ", null,
				LocalDate.of(1946, 2, 11), 80, false, true, "女", "FEMALE", "母", null, null, null, null, true,
				"********9012", "後期高齢者医療", "LATE_ELDERLY", null, null);
		FormData base = FormSamples.data(KUSHIRO, father, mother, child, grandmother);
		FormData.Procedure nhi = new FormData.Procedure(1, "NHI_JOIN", "国民健康保険の加入", "国民健康保険課", "防災庁舎 1階 7番窓口",
				List.of("本人確認書類"), List.of("理由"), List.of("nhi-join"), null, List.of(0, 1, 2));
		FormData.Procedure garbage = new FormData.Procedure(2, "GARBAGE_GUIDE", "ごみの出し方の案内", "環境事業課", "防災庁舎 1階 総合案内",
				List.of(), List.of("理由"), List.of(), "ごみカレンダーと冊子をお渡しする案内で、届出はありません。", List.of());
		return new FormData(base.notificationId(), base.reference(), base.type(), base.typeCode(), base.variant(),
				base.variantCode(), base.movedOn(), base.filedOn(), LocalDate.of(2026, 12, 24), base.newAddress(),
				SAPPORO, base.headName(), TSUJI_TWO_DOTS + " 源蔵", base.newHousehold(), base.persons(), base.filer(),
				base.identityDocuments(), List.of(nhi, garbage), base.printedOn(), base.printedAt(), base.addressee(),
				base.ticketNumber());
	}

	@Test
	void everyNewTemplatePrintsEachValueItBindsWithTheExactNamesAsPdfA2b() throws Exception {
		FormData visit = visit();
		for (FormTemplate template : templates(PROCEDURE_TEMPLATES)) {
			FormData data = visit.forProcedure(visit.procedures().get(0), visit.persons());
			byte[] pdf = FormSamples.renderer().render(template, data, null, FormRendererTests.AT);
			String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
					Files.write(dir.resolve(template.id() + ".pdf"), pdf).toString(), "-");
			assertThat(FormRendererTests.pdfA2bFailures(pdf)).as(template.id() + ": PDF/A-2b").isEmpty();
			String flat = text.replaceAll("\\s", "");
			assertThat(text).as(template.id()).contains(template.title().split(" ")[0]);
			List<String> expected = boundTexts(template, data);
			assertThat(expected).as(template.id() + ": values bound").isNotEmpty();
			for (String value : expected) {
				assertThat(flat).as(template.id() + " prints " + value).contains(value.replaceAll("\\s", ""));
			}
		}
	}

	@Test
	void theFormsOfAProcedureListThePersonsTheGuideNamedAndTheGuideSheetSaysWhyAProcedureHasNoForm() throws Exception {
		FormData visit = visit();
		FormTemplate lateElderly = template("late-elderly-join");
		FormData data = visit.forProcedure(visit.procedures().get(0), List.of(visit.persons().get(3)));
		String text = pdfText(lateElderly, data);
		assertThat(text).contains("髙橋 ヨシ", "昭和21年2月11日", "********9012").doesNotContain("花子", "一郎");
		FormTemplate guideSheet = templates(PROCEDURE_TEMPLATES).stream()
			.filter(t -> t.id().equals("guide-sheet"))
			.findFirst()
			.orElseThrow();
		assertThat(pdfText(guideSheet, visit).replaceAll("\\s", "")).contains("ごみの出し方の案内",
				"ごみカレンダーと冊子をお渡しする案内で、届出はありません。");
	}

	@Test
	void eachTemplateDeclaresWhoSignsAndSealRegistrationAsksEveryApplicantOf15OrOver() throws IOException {
		FormData visit = visit();
		FormData adults = visit.forProcedure(visit.procedures().get(0),
				visit.persons().stream().filter(FormData.Person::fifteenOrOver).toList());
		FormTemplate seal = templates(PROCEDURE_TEMPLATES).stream()
			.filter(t -> t.id().equals("seal-registration"))
			.findFirst()
			.orElseThrow();
		assertThat(Signers.of(seal, adults)).containsExactly(new Signers.Signer("申請者署名", TSUJI_TWO_DOTS + " 太郎"),
				new Signers.Signer("申請者署名", TSUJI_TWO_DOTS + " 花子"), new Signers.Signer("申請者署名", "髙橋 ヨシ"));
		assertThat(Signers.of(template("nhi-change"), visit))
			.containsExactly(new Signers.Signer("届出人署名", TSUJI_TWO_DOTS + " 太郎"));
		assertThat(Signers.of(template("power-of-attorney"), visit))
			.containsExactly(new Signers.Signer("委任者署名", TSUJI_TWO_DOTS + " 太郎"));
		for (FormTemplate template : templates(PROCEDURE_TEMPLATES)) {
			if (template.id().equals("guide-sheet")) {
				continue; // a guide for the resident, nobody signs it
			}
			assertThat(Signers.of(template, visit)).as(template.id() + " has a signature").isNotEmpty();
		}
	}

	@Test
	void aLargeHouseholdWithLongNamesPrintsOnContinuationSheetsWithoutOverflow() throws IOException {
		FormData visit = visit();
		List<FormData.Person> nine = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			nine.add(FormSamples.person(TSUJI_TWO_DOTS, "五郎左衛門之助" + i, "ツジ", "ゴロウザエモンノスケ",
					LocalDate.of(1950 + i * 8, 12, 31)));
		}
		FormData large = new FormData(visit.notificationId(), visit.reference(), visit.type(), visit.typeCode(),
				visit.variant(), visit.variantCode(), visit.movedOn(), visit.filedOn(), visit.plannedMoveOutOn(),
				new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "窓口マンション 東棟 1205号室", null), SAPPORO,
				visit.headName(), visit.previousHeadName(), true, nine, visit.filer(), visit.identityDocuments(),
				visit.procedures(), visit.printedOn(), visit.printedAt(), visit.addressee(), visit.ticketNumber());
		for (FormTemplate template : templates(PROCEDURE_TEMPLATES)) {
			byte[] pdf = FormSamples.renderer().render(template, large, null, FormRendererTests.AT);
			assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).as(template.id()).isEqualTo("%PDF-");
		}
	}

	FormTemplate template(String id) throws IOException {
		return templates(PROCEDURE_TEMPLATES).stream()
			.filter(t -> t.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no template " + id));
	}

	String pdfText(FormTemplate template, FormData data) throws Exception {
		byte[] pdf = FormSamples.renderer().render(template, data, null, FormRendererTests.AT);
		return FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve(template.id() + "-" + System.nanoTime() + ".pdf"), pdf).toString(), "-");
	}

	/**
	 * The text each field of the template prints for the data (fields in a repeat for
	 * each of the repeat's items on the first sheet), left out when empty.
	 */
	static List<String> boundTexts(FormTemplate template, FormData data) {
		List<String> texts = new ArrayList<>();
		for (FormTemplate.FormPage page : template.pages()) {
			for (Element element : page.elements()) {
				if (element instanceof Element.Field field) {
					add(texts, data, field);
				}
				else if (element instanceof Element.Repeat repeat) {
					List<Object> items = repeat.items(data);
					for (Object item : items.subList(0, Math.min(items.size(), repeat.rows()))) {
						for (Element child : repeat.elements()) {
							if (child instanceof Element.Field field && !DataPaths.INDEX.equals(field.bind())) {
								add(texts, item, field);
							}
						}
					}
				}
			}
		}
		return texts;
	}

	private static void add(List<String> texts, Object data, Element.Field field) {
		String text = Formats.format(DataPaths.resolve(data, field.bind()), field.format());
		if (!text.isBlank()) {
			texts.add(text);
		}
	}

}
