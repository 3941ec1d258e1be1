package jp.madoguchi.forms.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A form as data: what a city's administrator edits and the renderer draws. Stored as
 * JSON, one version per save; coordinates are millimetres from the top-left corner of an
 * A4 page (210 × 297 mm), sizes of type in points.
 *
 * @param id the form id used in URLs, e.g. {@code moving-notification}
 * @param title the Japanese title, e.g. 住民異動届
 * @param pages one or more pages
 * @param print how the form is printed (both sides, copies); absent: one copy, one side
 */
public record FormTemplate(String id, String title, List<FormPage> pages, @Nullable PrintSettings print) {

	/** A4 width in millimetres. */
	public static final double PAGE_WIDTH = 210;

	/** A4 height in millimetres. */
	public static final double PAGE_HEIGHT = 297;

	public FormTemplate {
		pages = (pages != null) ? List.copyOf(pages) : List.of();
	}

	public FormTemplate(String id, String title, List<FormPage> pages) {
		this(id, title, pages, null);
	}

	/**
	 * Both sides or one, and how many copies: absent settings print one copy, one side.
	 */
	public PrintSettings printSettings() {
		return (print != null) ? print : PrintSettings.SIMPLEX;
	}

	/**
	 * How a form is printed, declared in the template's metadata.
	 *
	 * @param duplex printed on both sides of the sheet (a form of several pages kept on
	 * fewer sheets, or the resident's copy on the back)
	 * @param copies how many copies the stack holds (e.g. 2: the office's and the
	 * resident's), 1 to {@value #MAX_COPIES}
	 */
	public record PrintSettings(boolean duplex, int copies) {

		public static final int MAX_COPIES = 5;

		static final PrintSettings SIMPLEX = new PrintSettings(false, 1);

		public PrintSettings {
			// "print": {"duplex": true} alone means one copy
			copies = (copies == 0) ? 1 : copies;
		}

	}

	/** One A4 page of a form. */
	public record FormPage(List<Element> elements) {

		public FormPage {
			elements = (elements != null) ? List.copyOf(elements) : List.of();
		}

	}

}
