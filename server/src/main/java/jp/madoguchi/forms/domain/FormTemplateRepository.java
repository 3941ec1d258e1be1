package jp.madoguchi.forms.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.forms.template.FormTemplate;
import org.jspecify.annotations.Nullable;

/** Template versions in {@code forms.templates}; the highest version is in force. */
public interface FormTemplateRepository {

	Optional<StoredTemplate> current(String formId);

	Optional<StoredTemplate> version(String formId, int version);

	/** The template in force for every form, by id. */
	List<StoredTemplate> currentAll();

	/** Every version of a form, newest first, without the definitions' parsing cost. */
	List<TemplateVersion> versions(String formId);

	/**
	 * Adds the next version. Two administrators saving at once cannot both get the same
	 * number: the primary key refuses the second, which then saves on top.
	 */
	int add(FormTemplate template, @Nullable String note, String by, Instant at);

}
