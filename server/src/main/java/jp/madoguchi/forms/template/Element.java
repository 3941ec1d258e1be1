package jp.madoguchi.forms.template;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a page holds. Positions and sizes are millimetres from the page's top-left corner
 * (inside a {@link Repeat}, from the row's top-left corner); type sizes are points.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Element.Line.class, name = "line"),
		@JsonSubTypes.Type(value = Element.Box.class, name = "box"),
		@JsonSubTypes.Type(value = Element.Text.class, name = "text"),
		@JsonSubTypes.Type(value = Element.Field.class, name = "field"),
		@JsonSubTypes.Type(value = Element.Repeat.class, name = "repeat"),
		@JsonSubTypes.Type(value = Element.Signature.class, name = "signature") })
public sealed interface Element {

	/** Line width when a template gives none: 0.3 mm, a fine form rule. */
	double DEFAULT_STROKE = 0.3;

	/** Type size when a template gives none. */
	double DEFAULT_SIZE = 10.5;

	/** The smallest size long text may shrink to when a field gives none. */
	double DEFAULT_MIN_SIZE = 6;

	/** A straight rule. */
	record Line(double x1, double y1, double x2, double y2, @Nullable Double width) implements Element {

		public double strokeWidth() {
			return (width != null) ? width : DEFAULT_STROKE;
		}

	}

	/** A rectangle, e.g. a cell of the form's grid. */
	record Box(double x, double y, double w, double h, @Nullable Double width) implements Element {

		public double strokeWidth() {
			return (width != null) ? width : DEFAULT_STROKE;
		}

	}

	/**
	 * Fixed text (labels, headings, notes) placed in a box; line breaks as {@code \n}.
	 */
	record Text(double x, double y, double w, double h, String text, @Nullable Double size, @Nullable String align,
			@Nullable Boolean wrap) implements Element {

		public double typeSize() {
			return (size != null) ? size : DEFAULT_SIZE;
		}

	}

	/**
	 * Notification data printed in a box. Text too long for the box shrinks, down to
	 * {@link #minimumSize()}; below that the form is refused (never clipped).
	 *
	 * @param name what staff and administrators call the field, named in every error
	 * @param bind the data path, e.g. {@code newAddress} or, inside a repeat,
	 * {@code familyName}
	 * @param format how to print it: see {@link Formats}
	 * @param wrap whether the text may wrap onto several lines inside the box
	 */
	record Field(String name, @Nullable String bind, @Nullable String format, double x, double y, double w, double h,
			@Nullable Double size, @Nullable Double minSize, @Nullable String align,
			@Nullable Boolean wrap) implements Element {

		public double typeSize() {
			return (size != null) ? size : DEFAULT_SIZE;
		}

		public double minimumSize() {
			return (minSize != null) ? minSize : Math.min(DEFAULT_MIN_SIZE, typeSize());
		}

	}

	/**
	 * Rows repeated for each item of a list (persons, procedures). A page whose list
	 * holds more items than rows is printed again for the rest (a continuation sheet).
	 *
	 * @param bind the list, e.g. {@code persons}
	 * @param filter optional {@code path=value}: only items whose value matches, e.g.
	 * {@code child=true}
	 * @param x the first row's left edge
	 * @param y the first row's top edge
	 * @param rowHeight the distance between rows
	 * @param rows how many rows a page holds
	 * @param elements what each row holds, positioned from the row's top-left corner
	 * @param pageOnlyWithItems whether the page is left out of the form when the list
	 * (after the filter) is empty, e.g. a sheet that only some notifications need
	 */
	record Repeat(String name, @Nullable String bind, @Nullable String filter, double x, double y, double rowHeight,
			int rows, List<Element> elements, @Nullable Boolean pageOnlyWithItems) implements Element {

		public Repeat {
			elements = (elements != null) ? List.copyOf(elements) : List.of();
		}

		public Repeat(String name, @Nullable String bind, @Nullable String filter, double x, double y, double rowHeight,
				int rows, List<Element> elements) {
			this(name, bind, filter, x, y, rowHeight, rows, elements, null);
		}

		/** Whether an empty list leaves the page out. */
		public boolean leavesOutEmptyPage() {
			return Boolean.TRUE.equals(pageOnlyWithItems);
		}

		/**
		 * The items this repeat prints a row for: the list it binds, narrowed by its
		 * filter.
		 */
		public List<Object> items(Object data) {
			List<Object> items = new ArrayList<>();
			if (bind == null || !(DataPaths.resolve(data, bind) instanceof List<?> values)) {
				return items;
			}
			for (Object item : values) {
				if (filter == null || filter.isBlank()) {
					items.add(item);
					continue;
				}
				int equals = filter.indexOf('=');
				Object value = DataPaths.resolve(item, filter.substring(0, equals));
				if (String.valueOf(value).equals(filter.substring(equals + 1))) {
					items.add(item);
				}
			}
			return items;
		}

	}

	/**
	 * Where the resident's signature from the pen tablet is drawn, when it signs the
	 * current content.
	 *
	 * @param signer who signs here: {@value #FILER} (the filer, the default),
	 * {@value #HEAD} (the head of household, e.g. the claimant of 児童手当) or, inside a
	 * repeat over persons, {@value #EACH} (the person of the row: every applicant signs)
	 */
	record Signature(String name, double x, double y, double w, double h, @Nullable String signer) implements Element {

		public static final String FILER = "filer";

		public static final String HEAD = "head";

		public static final String EACH = "each";

		public static final List<String> SIGNERS = List.of(FILER, HEAD, EACH);

		public Signature(String name, double x, double y, double w, double h) {
			this(name, x, y, w, h, null);
		}

		/** Who signs, {@value #FILER} when the template does not say. */
		public String signedBy() {
			return (signer != null) ? signer : FILER;
		}

	}

}
