package jp.madoguchi.forms.web;

import java.util.List;
import java.util.Map;

import jp.madoguchi.forms.domain.TemplateAdministration;
import jp.madoguchi.forms.domain.StoredTemplate;
import jp.madoguchi.forms.domain.TemplateVersion;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Form templates for administrators: read, save a new version, preview. Bodies are the
 * template JSON itself (see {@link FormTemplate}), read strictly so that a typo in a
 * property name is an error.
 */
@RestController
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class TemplateApiController {

	private final TemplateAdministration administration;

	TemplateApiController(TemplateAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/api/v1/forms/templates")
	List<Map<String, Object>> list() {
		return administration.currentAll()
			.stream()
			.map(t -> Map.<String, Object>of("formId", t.formId(), "title", t.template().title(), "version",
					t.version()))
			.toList();
	}

	@GetMapping(value = "/api/v1/forms/templates/{formId}", produces = MediaType.APPLICATION_JSON_VALUE)
	String get(@PathVariable String formId, @RequestParam(required = false) @Nullable Integer version) {
		StoredTemplate stored = ((version != null) ? administration.version(formId, version)
				: administration.current(formId))
			.orElseThrow(() -> ProblemException.notFound("FORM_NOT_FOUND", formId));
		return TemplateJson.write(stored.template());
	}

	@GetMapping("/api/v1/forms/templates/{formId}/versions")
	List<TemplateVersion> versions(@PathVariable String formId) {
		return administration.versions(formId);
	}

	@PutMapping(value = "/api/v1/forms/templates/{formId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> save(@PathVariable String formId, @RequestBody String json,
			@RequestParam(required = false) @Nullable String note) {
		FormTemplate template = TemplateJson.parse(json, "「" + formId + "」");
		int version = administration.save(formId, template, note);
		return Map.of("formId", formId, "version", version);
	}

	@PostMapping(value = "/api/v1/forms/templates/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_PDF_VALUE)
	byte[] preview(@RequestBody String json) {
		return administration.preview(TemplateJson.parse(json, "（プレビュー）"));
	}

}
