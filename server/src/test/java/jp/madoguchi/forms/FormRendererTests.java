package jp.madoguchi.forms;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.forms.render.FormOverflowException;
import jp.madoguchi.forms.render.GlyphSvg;
import jp.madoguchi.forms.render.PrintFont;
import jp.madoguchi.forms.render.FormRenderer;
import jp.madoguchi.forms.render.UnprintableCharacterException;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateInvalidException;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.font.FontCharacterMap;
import jp.madoguchi.text.font.FontFileCoverage;
import jp.madoguchi.text.font.UnavailableFontCoverage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static jp.madoguchi.forms.FormSamples.KUSHIRO;
import static jp.madoguchi.forms.FormSamples.TSUJI_TWO_DOTS;
import static jp.madoguchi.forms.FormSamples.data;
import static jp.madoguchi.forms.FormSamples.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The renderer with the real IPAmj明朝, checked by the real tools: poppler's pdffonts and
 * pdftotext, PDFBox's rasteriser and veraPDF.
 */
public class FormRendererTests {

	static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 25, 10, 15, 0, 0, ZoneId.of("Asia/Tokyo"));

	@TempDir
	Path dir;

	byte[] render(FormTemplate template, FormData data) throws IOException {
		return FormSamples.renderer().render(template, data, null, AT);
	}

	byte[] tsujiFamily() throws IOException {
		return render(FormSamples.simple(),
				data(KUSHIRO, person(TSUJI_TWO_DOTS, "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1)),
						person(TSUJI_TWO_DOTS, "花子", "ツジ", "ハナコ", LocalDate.of(1982, 6, 3))));
	}

	@Test
	void pdffontsShowsIpamjEmbeddedAsASubset() throws Exception {
		Path pdf = write("tsuji.pdf", tsujiFamily());
		String fonts = run("pdffonts", pdf.toString());
		assertThat(fonts).containsPattern("[A-Z]{6}\\+IPAmjMincho\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes");
	}

	@Test
	void pdftotextReturnsTheNamesWithTheirVariationSelectors() throws Exception {
		Path pdf = write("tsuji.pdf", tsujiFamily());
		String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
		assertThat(text).contains(TSUJI_TWO_DOTS + " 太郎", TSUJI_TWO_DOTS + " 花子", "北海道釧路市黒金町7丁目5番地", "昭和55年4月1日",
				"試験様式");
	}

	@Test
	void aNameWithAVariationSelectorRendersDifferentlyFromItsBaseCharacter() throws Exception {
		BufferedImage twoDots = rasterise(render(FormSamples.simple(),
				data(KUSHIRO, person(TSUJI_TWO_DOTS, "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1)))));
		BufferedImage oneDot = rasterise(
				render(FormSamples.simple(), data(KUSHIRO, person("辻", "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1)))));
		BufferedImage oneDotAgain = rasterise(
				render(FormSamples.simple(), data(KUSHIRO, person("辻", "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1)))));
		// the name cell of the first row: 20..100 mm across, 60..74 mm down, at 150 dpi
		int[] cell = { mm(20), mm(60), mm(80), mm(14) };
		assertThat(differingPixels(oneDot, oneDotAgain, cell)).as("the same name renders the same").isZero();
		assertThat(differingPixels(twoDots, oneDot, cell)).as("辻 + U+E0102 is another glyph than 辻").isGreaterThan(20);
		assertThat(differingPixels(twoDots, oneDot, new int[] { 0, 0, mm(210), mm(55) })).as("nothing else changes")
			.isZero();
	}

	@Test
	void veraPdfFindsNoPdfA2bViolation() throws Exception {
		assertThat(pdfA2bFailures(tsujiFamily())).isEmpty();
	}

	/**
	 * The PDF/A-2b rules veraPDF finds failed (clause, test number, message); empty for a
	 * compliant document.
	 */
	public static List<String> pdfA2bFailures(byte[] pdf) throws Exception {
		VeraGreenfieldFoundryProvider.initialise();
		PDFAFlavour flavour = PDFAFlavour.PDFA_2_B;
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
			PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
			ValidationResult result = validator.validate(parser);
			List<String> failures = new ArrayList<>(result.getTestAssertions()
				.stream()
				.filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
				.distinct()
				.toList());
			if (!result.isCompliant() && failures.isEmpty()) {
				failures.add("not compliant");
			}
			if (result.getPDFAFlavour() != PDFAFlavour.PDFA_2_B) {
				failures.add("flavour " + result.getPDFAFlavour());
			}
			return failures;
		}
	}

	@Test
	void aLongAddressShrinksToFitAndExtractsWhole() throws Exception {
		Address longAddress = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地",
				"釧路市役所防災庁舎 市民課分室 第二会議室前 窓口棟 三階 三百十二号室", null);
		byte[] pdf = render(FormSamples.simple(),
				data(longAddress, person("山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(1980, 4, 1))));
		String text = run("pdftotext", "-enc", "UTF-8", write("long.pdf", pdf).toString(), "-");
		assertThat(text.replace("\n", "")).contains("三百十二号室");
	}

	@Test
	void anAddressThatCannotFitEvenAtTheSmallestSizeIsRefusedNamingTheField() throws IOException {
		Address tooLong = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "長".repeat(150), null);
		assertThatThrownBy(() -> render(FormSamples.simple(),
				data(tooLong, person("山田", "太郎", "ヤマダ", "タロウ", LocalDate.of(1980, 4, 1)))))
			.isInstanceOf(FormOverflowException.class)
			.satisfies((ex) -> assertThat(ex.getLocalizedMessage()).contains("「試験様式」(test-form)", "項目「住所」"))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("FORM_OVERFLOW"));
	}

	@Test
	void aCharacterTheFontLacksIsRefusedListingEveryCharacterAndField() {
		String unlisted = "辻\uDB40\uDDEF"; // 辻 + U+E01EF: no such sequence in IPAmj明朝
		assertThatThrownBy(() -> render(FormSamples.simple(),
				data(KUSHIRO, person(unlisted, "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1)))))
			.isInstanceOfSatisfying(UnprintableCharacterException.class, ex -> {
				assertThat(ex.code()).isEqualTo("UNPRINTABLE_CHARACTER");
				assertThat(ex.status().value()).isEqualTo(422);
				assertThat(ex.characters()).singleElement().satisfies(c -> {
					assertThat(c.get("field")).isEqualTo("氏名（1行目）");
					assertThat(c.get("sequence")).isEqualTo(unlisted);
					assertThat(c.get("codePoints")).isEqualTo("U+8FBB U+E01EF");
				});
			});
	}

	@Test
	void aFieldBoundToNothingIsRefusedNamingTemplateAndField() {
		FormTemplate broken = new FormTemplate("broken-form", "壊れた様式",
				List.of(new FormTemplate.FormPage(List.of(
						new Element.Field("電話番号", null, null, 10, 10, 50, 10, null, null, null, null),
						new Element.Field("本籍", "persons.domicile", null, 10, 30, 50, 10, null, null, null, null)))));
		assertThatThrownBy(() -> render(broken, data(KUSHIRO))).isInstanceOfSatisfying(TemplateInvalidException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo("FORM_TEMPLATE_INVALID");
					assertThat(ex.getMessage()).contains("「壊れた様式」(broken-form)");
					assertThat(ex.errors()).anySatisfy(e -> assertThat(e).contains("項目「電話番号」", "結び付けられていません"));
					assertThat(ex.errors()).anySatisfy(e -> assertThat(e).contains("項目「本籍」", "persons.domicile"));
				});
	}

	@Test
	void moreMembersThanRowsPrintAContinuationSheet() throws Exception {
		FormData.Person[] six = new FormData.Person[6];
		for (int i = 0; i < six.length; i++) {
			six[i] = person("山田", "子" + (i + 1), "ヤマダ", "コ", LocalDate.of(2010 + i, 1, 1));
		}
		byte[] pdf = render(FormSamples.simple(), data(KUSHIRO, six));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
		}
		String text = run("pdftotext", "-enc", "UTF-8", write("six.pdf", pdf).toString(), "-");
		assertThat(text).contains("山田 子1", "山田 子4", "山田 子5", "山田 子6");
	}

	@Test
	void aMissingFontFileIsAClearErrorNamingThePathAlsoWhenParsedInTheBackground() {
		Path missing = Path.of("/nonexistent/fonts/ipamjm.ttf");
		FontCoverage coverage = new UnavailableFontCoverage(missing);
		for (PrintFont font : List.of(PrintFont.load(missing, coverage),
				PrintFont.loadInBackground(missing, coverage))) {
			assertThat(font.available()).isFalse();
			assertThat(font.problem()).contains("madoguchi.fonts.mincho", missing.toString());
			assertThatThrownBy(() -> new FormRenderer(font).render(FormSamples.simple(), data(KUSHIRO), null, AT))
				.isInstanceOfSatisfying(ProblemException.class, ex -> {
					assertThat(ex.code()).isEqualTo("FONT_UNAVAILABLE");
					assertThat(ex.status().value()).isEqualTo(503);
					assertThat(ex.getMessage()).contains(missing.toString());
				});
		}
	}

	@Test
	void aFontParsedInTheBackgroundDrawsTheSameGlyphsOnceReady() throws Exception {
		FontCoverage coverage = new FontFileCoverage(FormSamples.IPAMJ, FontCharacterMap.read(FormSamples.IPAMJ));
		PrintFont background = PrintFont.loadInBackground(FormSamples.IPAMJ, coverage);
		PrintFont parsed = PrintFont.load(FormSamples.IPAMJ, coverage);
		assertThat(background.available()).isTrue();
		assertThat(GlyphSvg.of(background, TSUJI_TWO_DOTS)).isEqualTo(GlyphSvg.of(parsed, TSUJI_TWO_DOTS))
			.isNotEqualTo(GlyphSvg.of(background, "辻"));
	}

	static int mm(double mm) {
		return (int) Math.round(mm / 25.4 * 150);
	}

	static BufferedImage rasterise(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(0, 150);
		}
	}

	static int differingPixels(BufferedImage a, BufferedImage b, int[] region) {
		int differing = 0;
		for (int y = region[1]; y < region[1] + region[3]; y++) {
			for (int x = region[0]; x < region[0] + region[2]; x++) {
				if (a.getRGB(x, y) != b.getRGB(x, y)) {
					differing++;
				}
			}
		}
		return differing;
	}

	Path write(String name, byte[] pdf) throws IOException {
		return Files.write(dir.resolve(name), pdf);
	}

	public static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue())
			.as(String.join(" ", command) + ": " + new String(output, StandardCharsets.UTF_8))
			.isZero();
		return new String(output, StandardCharsets.UTF_8);
	}

}
