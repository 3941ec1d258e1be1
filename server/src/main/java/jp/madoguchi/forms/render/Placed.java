package jp.madoguchi.forms.render;

import jp.madoguchi.forms.template.DataPaths;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.Element.Field;
import jp.madoguchi.forms.template.Element.Text;
import jp.madoguchi.forms.template.Formats;
import org.jspecify.annotations.Nullable;

/** An element with the data it reads and where its row starts. */
record Placed(Element element, Object scope, double originX, double originY, int index) {

	@Nullable String text() {
		if (element instanceof Text text) {
			return text.text();
		}
		if (element instanceof Field field) {
			Object value = DataPaths.INDEX.equals(field.bind()) ? Integer.valueOf(index)
					: DataPaths.resolve(scope, field.bind());
			return Formats.format(value, field.format());
		}
		return null;
	}

	String label() {
		String name;
		if (element instanceof Field field) {
			name = field.name();
		}
		else if (element instanceof Text text) {
			name = "固定文字「" + text.text() + "」";
		}
		else {
			name = element.getClass().getSimpleName();
		}
		return (index > 0) ? name + "（" + index + "行目）" : name;
	}

}
