package jp.madoguchi.forms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import jp.madoguchi.forms.render.FormRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.madoguchi.forms.FormSamples.KUSHIRO;
import static jp.madoguchi.forms.FormSamples.data;
import static jp.madoguchi.forms.FormSamples.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training mode stamps every page of every form 研修 where forms are drawn (the renderer):
 * the stamp extracts as text, the form's own content is unchanged, and the document stays
 * PDF/A-2b.
 */
class TrainingStampTests {

	@TempDir
	Path dir;

	@Test
	void everyPageIsStampedAndTheDocumentStaysPdfA2b() throws Exception {
		FormRenderer stamped = FormSamples.stampedRenderer("研修");
		byte[] pdf = stamped.render(FormSamples.simple(),
				data(KUSHIRO, person("渡邊", "一郎", "ワタナベ", "イチロウ", LocalDate.of(1985, 4, 2))), null,
				FormRendererTests.AT);
		Path file = Files.write(dir.resolve("stamped.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(page), "-l",
						String.valueOf(page), file.toString(), "-");
				assertThat(text).as("page " + page).contains("研修", "研修用の書類です。届出・証明には使えません。", "渡邊 一郎");
			}
		}
		assertThat(FormRendererTests.pdfA2bFailures(pdf)).isEmpty();
	}

	@Test
	void withoutTrainingModeNothingIsStamped() throws Exception {
		byte[] pdf = FormSamples.renderer()
			.render(FormSamples.simple(), data(KUSHIRO, person("渡邊", "一郎", "ワタナベ", "イチロウ", LocalDate.of(1985, 4, 2))),
					null, FormRendererTests.AT);
		String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve("plain.pdf"), pdf).toString(), "-");
		assertThat(text).contains("渡邊 一郎").doesNotContain("研修");
	}

}
