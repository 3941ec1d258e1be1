package jp.madoguchi.forms.render;

import java.util.Map;

import jp.madoguchi.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * 422 {@code FORM_OVERFLOW}: text that does not fit its box even at the smallest size the
 * template allows. Never clipped silently: a cut-off address is a wrong address.
 */
public class FormOverflowException extends ProblemException {

	public FormOverflowException(String template, String field, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "FORM_OVERFLOW", Map.of("template", template, "field", field), template,
				field, detail);
	}

}
