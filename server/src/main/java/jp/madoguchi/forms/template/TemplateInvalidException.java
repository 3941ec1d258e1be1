package jp.madoguchi.forms.template;

import java.util.List;
import java.util.Map;

import jp.madoguchi.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A template that cannot print: 422 {@code FORM_TEMPLATE_INVALID}, every error naming the
 * template and the field or element.
 */
public class TemplateInvalidException extends ProblemException {

	private final List<String> errors;

	public TemplateInvalidException(String templateLabel, List<String> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "FORM_TEMPLATE_INVALID",
				Map.of("template", templateLabel, "errors", List.copyOf(errors)), templateLabel,
				String.join(" / ", errors));
		this.errors = List.copyOf(errors);
	}

	public List<String> errors() {
		return errors;
	}

}
