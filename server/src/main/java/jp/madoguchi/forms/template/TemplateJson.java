package jp.madoguchi.forms.template;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates to and from JSON. Strict: an unknown property is an error, so a typo such as
 * {@code "bnid"} is reported instead of silently printing nothing.
 */
public final class TemplateJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private TemplateJson() {
	}

	/**
	 * @throws TemplateInvalidException when the JSON is not a template
	 */
	public static FormTemplate parse(String json, String label) {
		try {
			FormTemplate template = JSON.readValue(json, FormTemplate.class);
			if (template == null) {
				throw new TemplateInvalidException(label, List.of("様式が空です"));
			}
			return template;
		}
		catch (JacksonException ex) {
			throw new TemplateInvalidException(label,
					List.of("JSON として読めません: " + ex.getOriginalMessage().lines().findFirst().orElse("")));
		}
	}

	public static String write(FormTemplate template) {
		return JSON.writeValueAsString(template);
	}

	public static String writePretty(FormTemplate template) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template);
	}

}
