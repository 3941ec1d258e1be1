package jp.madoguchi.forms.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.forms.template.TemplateValidator;

/**
 * The cover sheet (送付票) printed on top of each department's stack when a visit is
 * printed: the ticket number, the department and its counters, the resident's name and
 * the forms in the stack. A template like the others, shipped with the application
 * ({@code forms/print-cover.json}) and checked when the class loads.
 */
final class CoverSheet {

	static final FormTemplate TEMPLATE = load();

	private CoverSheet() {
	}

	private static FormTemplate load() {
		try (InputStream in = CoverSheet.class.getResourceAsStream("/forms/print-cover.json")) {
			if (in == null) {
				throw new IllegalStateException("forms/print-cover.json is missing from the application");
			}
			FormTemplate template = TemplateJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					"print-cover");
			TemplateValidator.validate(template);
			return template;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether any field of the template prints a My Number. */
	static boolean carriesMyNumber(FormTemplate template) {
		return template.pages().stream().anyMatch(page -> binds(page.elements()));
	}

	private static boolean binds(List<Element> elements) {
		for (Element element : elements) {
			if (element instanceof Element.Field field && field.bind() != null
					&& (field.bind().equals("myNumber") || field.bind().endsWith(".myNumber"))) {
				return true;
			}
			if (element instanceof Element.Repeat repeat && binds(repeat.elements())) {
				return true;
			}
		}
		return false;
	}

}
