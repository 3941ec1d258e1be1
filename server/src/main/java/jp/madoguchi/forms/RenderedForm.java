package jp.madoguchi.forms;

/**
 * A rendered form.
 *
 * @param templateVersion the template version it was drawn from
 * @param pdf the PDF/A-2b document
 */
public record RenderedForm(String formId, String title, int templateVersion, byte[] pdf) {

}
