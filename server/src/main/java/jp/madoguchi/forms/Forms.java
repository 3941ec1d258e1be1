package jp.madoguchi.forms;

import java.util.List;
import java.util.UUID;

/**
 * Forms for other modules: which forms a notification needs, and each as a pre-filled
 * PDF. Every rendering is audited (the PDF holds personal data).
 */
public interface Forms {

	/**
	 * The forms this notification and its procedures need, 住民異動届 first.
	 * @throws jp.madoguchi.platform.ProblemException 404 {@code NOTIFICATION_NOT_FOUND}
	 */
	List<FormRef> formsFor(UUID notificationId);

	/**
	 * The form as a PDF/A-2b document.
	 * @throws jp.madoguchi.platform.ProblemException 404 {@code FORM_NOT_FOUND}, 422
	 * {@code UNPRINTABLE_CHARACTER} or {@code FORM_OVERFLOW}, 503
	 * {@code FONT_UNAVAILABLE}
	 */
	RenderedForm render(UUID notificationId, String formId);

}
