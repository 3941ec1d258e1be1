package jp.madoguchi.forms.domain;

import jp.madoguchi.platform.CurrentActor;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.render.FormRenderer;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateInvalidException;
import jp.madoguchi.forms.template.TemplateValidator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Administrators' changes to templates. A template is saved only if it validates and
 * renders the sample household (a name with a variation selector, a long address), so a
 * broken template never reaches the counter; each save is a new version, audited.
 */
@Service
public class TemplateAdministration {

	private final FormTemplateRepository templates;

	private final FormRenderer renderer;

	private final AuditTrail audit;

	private final Clock clock;

	private final String addressee;

	TemplateAdministration(FormTemplateRepository templates, FormRenderer renderer, AuditTrail audit, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${madoguchi.forms.addressee:釧路市長}") String addressee) {
		this.templates = templates;
		this.renderer = renderer;
		this.audit = audit;
		this.clock = clock;
		this.addressee = addressee;
	}

	/**
	 * Saves {@code template} as the next version of {@code formId}.
	 * @return the new version number
	 * @throws TemplateInvalidException when it does not validate or names another form
	 */
	public int save(String formId, FormTemplate template, @Nullable String note) {
		if (!formId.equals(template.id())) {
			throw new TemplateInvalidException(TemplateValidator.label(template),
					List.of("様式ID「" + template.id() + "」が編集中の様式「" + formId + "」と違います"));
		}
		preview(template);
		int version = templates.add(template, note, CurrentActor.name(), clock.instant());
		audit.record(AuditEntry.success("FORM_TEMPLATE_SAVED", "form-template:" + formId, "version=" + version));
		return version;
	}

	/** The template in force for every form, by id. */
	public List<StoredTemplate> currentAll() {
		return templates.currentAll();
	}

	/** The version of {@code formId} in force, if there is such a form. */
	public Optional<StoredTemplate> current(String formId) {
		return templates.current(formId);
	}

	/** One version of {@code formId}, if there is such a form and version. */
	public Optional<StoredTemplate> version(String formId, int version) {
		return templates.version(formId, version);
	}

	/** Every version of a form, newest first. */
	public List<TemplateVersion> versions(String formId) {
		return templates.versions(formId);
	}

	/** The template drawn with the sample household, as PDF. */
	public byte[] preview(FormTemplate template) {
		ZonedDateTime now = ZonedDateTime.now(clock);
		return renderer.render(template, SampleData.household(now, addressee), null, now);
	}

}
