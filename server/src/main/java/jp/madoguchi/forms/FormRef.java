package jp.madoguchi.forms;

/**
 * A form a notification needs: its id (in URLs) and its Japanese title.
 *
 * @param onRequest a form the resident asks for on the same visit (住民票の写しなどの交付申請, 委任状),
 * printed only when asked; false for the forms the notification and its procedures
 * require
 */
public record FormRef(String formId, String title, boolean onRequest) {

	public FormRef(String formId, String title) {
		this(formId, title, false);
	}

}
