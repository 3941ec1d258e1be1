package jp.madoguchi.forms.template;

import java.util.List;

/**
 * A form as data: what a city's administrator edits and the renderer draws. Stored as
 * JSON, one version per save; coordinates are millimetres from the top-left corner of an
 * A4 page (210 × 297 mm), sizes of type in points.
 *
 * @param id the form id used in URLs, e.g. {@code moving-notification}
 * @param title the Japanese title, e.g. 住民異動届
 * @param pages one or more pages
 */
public record FormTemplate(String id, String title, List<FormPage> pages) {

	/** A4 width in millimetres. */
	public static final double PAGE_WIDTH = 210;

	/** A4 height in millimetres. */
	public static final double PAGE_HEIGHT = 297;

	public FormTemplate {
		pages = (pages != null) ? List.copyOf(pages) : List.of();
	}

	/** One A4 page of a form. */
	public record FormPage(List<Element> elements) {

		public FormPage {
			elements = (elements != null) ? List.copyOf(elements) : List.of();
		}

	}

}
