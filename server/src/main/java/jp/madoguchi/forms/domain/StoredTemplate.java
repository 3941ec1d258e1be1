package jp.madoguchi.forms.domain;

import java.time.Instant;

import jp.madoguchi.forms.template.FormTemplate;
import org.jspecify.annotations.Nullable;

/** A template version as stored. */
public record StoredTemplate(String formId, int version, FormTemplate template, @Nullable String note,
		Instant createdAt, String createdBy) {

}
