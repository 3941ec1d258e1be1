package jp.madoguchi.forms.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.forms.template.Element.Box;
import jp.madoguchi.forms.template.Element.Field;
import jp.madoguchi.forms.template.Element.Line;
import jp.madoguchi.forms.template.Element.Repeat;
import jp.madoguchi.forms.template.Element.Signature;
import jp.madoguchi.forms.template.Element.Text;
import org.jspecify.annotations.Nullable;

/**
 * Checks a template before it is saved or printed: every field bound to data that exists,
 * with a format that suits it, every element on the page, names unique. The errors name
 * the template and the field, so an administrator can fix them without reading code.
 */
public final class TemplateValidator {

	private static final String FORM_ID = "[a-z][a-z0-9-]{1,62}";

	private TemplateValidator() {
	}

	/**
	 * @throws TemplateInvalidException listing every error
	 */
	public static void validate(FormTemplate template) {
		List<String> errors = errors(template);
		if (!errors.isEmpty()) {
			throw new TemplateInvalidException(label(template), errors);
		}
	}

	/** 「住民異動届」(moving-notification), for messages. */
	public static String label(FormTemplate template) {
		return "「" + template.title() + "」(" + template.id() + ")";
	}

	public static List<String> errors(FormTemplate template) {
		List<String> errors = new ArrayList<>();
		if (template.id() == null || !template.id().matches(FORM_ID)) {
			errors.add("様式IDは英小文字・数字・ハイフンで書いてください（例: moving-notification）");
		}
		if (template.title() == null || template.title().isBlank()) {
			errors.add("表題がありません");
		}
		if (template.pages().isEmpty()) {
			errors.add("ページがありません");
		}
		if (template.print() != null && (template.print().copies() < 1
				|| template.print().copies() > FormTemplate.PrintSettings.MAX_COPIES)) {
			errors.add("印刷部数（print.copies）は1から" + FormTemplate.PrintSettings.MAX_COPIES + "までです: "
					+ template.print().copies());
		}
		Set<String> names = new HashSet<>();
		for (int p = 0; p < template.pages().size(); p++) {
			String page = (p + 1) + "ページ目";
			List<Element> elements = template.pages().get(p).elements();
			int repeats = 0;
			for (int e = 0; e < elements.size(); e++) {
				Element element = elements.get(e);
				if (element == null) {
					errors.add(page + " " + (e + 1) + "番目: 要素が空です");
					continue;
				}
				if (element instanceof Repeat) {
					repeats++;
				}
				check(element, FormData.class, page, e + 1, 0, 0, names, errors);
			}
			if (repeats > 1) {
				errors.add(page + ": 繰り返し行は1ページに1つまでです（続きのページを作るため）");
			}
		}
		return errors;
	}

	private static void check(Element element, Class<?> scope, String page, int number, double originX, double originY,
			Set<String> names, List<String> errors) {
		String where = page + " " + number + "番目";
		if (element instanceof Line line) {
			onPage(where + "の線", originX + line.x1(), originY + line.y1(), 0, 0, errors);
			onPage(where + "の線", originX + line.x2(), originY + line.y2(), 0, 0, errors);
		}
		else if (element instanceof Box box) {
			positive(where + "の枠", box.w(), box.h(), errors);
			onPage(where + "の枠", originX + box.x(), originY + box.y(), box.w(), box.h(), errors);
		}
		else if (element instanceof Text text) {
			String label = where + "の文字「" + shorten(text.text()) + "」";
			if (text.text() == null || text.text().isEmpty()) {
				errors.add(where + ": 固定の文字が空です");
			}
			positive(label, text.w(), text.h(), errors);
			onPage(label, originX + text.x(), originY + text.y(), text.w(), text.h(), errors);
			size(label, text.typeSize(), errors);
		}
		else if (element instanceof Field field) {
			checkField(field, scope, where, originX, originY, names, errors);
		}
		else if (element instanceof Repeat repeat) {
			checkRepeat(repeat, scope, page, where, originX, originY, names, errors);
		}
		else if (element instanceof Signature signature) {
			String label = "署名欄「" + signature.name() + "」";
			unique(label, signature.name(), names, errors);
			if (!Signature.SIGNERS.contains(signature.signedBy())) {
				errors.add(label + ": 署名する人（signer）は " + String.join("・", Signature.SIGNERS) + " のどれかにしてください");
			}
			else if (Signature.EACH.equals(signature.signedBy()) && scope != FormData.Person.class) {
				errors.add(label + ": 一人ずつの署名（each）は、人の繰り返し行の中に置いてください");
			}
			positive(label, signature.w(), signature.h(), errors);
			onPage(label, originX + signature.x(), originY + signature.y(), signature.w(), signature.h(), errors);
		}
	}

	private static void checkField(Field field, Class<?> scope, String where, double originX, double originY,
			Set<String> names, List<String> errors) {
		String name = (field.name() == null || field.name().isBlank()) ? where : field.name();
		String label = "項目「" + name + "」";
		if (field.name() == null || field.name().isBlank()) {
			errors.add(where + ": 項目に名前がありません");
		}
		else {
			unique(label, field.name(), names, errors);
		}
		if (field.bind() == null || field.bind().isBlank()) {
			errors.add(label + ": どのデータも結び付けられていません（bind がありません）");
		}
		else {
			Optional<Class<?>> type = DataPaths.typeOf(scope, field.bind());
			if (type.isEmpty()) {
				errors.add(label + ": 「" + field.bind() + "」は届出のデータにありません");
			}
			else if (!Formats.printable(type.get())) {
				errors.add(label + ": 「" + field.bind() + "」はまとまったデータなので、その中の項目を指定してください");
			}
			else if (List.class.equals(type.get()) && DataPaths.elementTypeOf(scope, field.bind()).isPresent()) {
				errors.add(label + ": 「" + field.bind() + "」は一覧なので、繰り返し行（repeat）で印字してください");
			}
			else {
				Formats.problem(type.get(), field.format()).ifPresent(problem -> errors.add(label + ": " + problem));
			}
		}
		positive(label, field.w(), field.h(), errors);
		onPage(label, originX + field.x(), originY + field.y(), field.w(), field.h(), errors);
		size(label, field.typeSize(), errors);
		if (field.minimumSize() <= 0 || field.minimumSize() > field.typeSize()) {
			errors.add(label + ": 最小の文字サイズは0より大きく、文字サイズ以下にしてください");
		}
	}

	private static void checkRepeat(Repeat repeat, Class<?> scope, String page, String where, double originX,
			double originY, Set<String> names, List<String> errors) {
		String label = "繰り返し行「" + ((repeat.name() != null) ? repeat.name() : where) + "」";
		if (scope != FormData.class) {
			errors.add(label + ": 繰り返し行の中に繰り返し行は置けません");
			return;
		}
		if (repeat.rows() < 1 || repeat.rowHeight() <= 0) {
			errors.add(label + ": 行数と行の高さは1以上にしてください");
		}
		if (repeat.bind() == null || repeat.bind().isBlank()) {
			errors.add(label + ": どの一覧も結び付けられていません（bind がありません）");
			return;
		}
		Optional<Class<?>> item = DataPaths.elementTypeOf(scope, repeat.bind());
		if (item.isEmpty()) {
			errors.add(label + ": 「" + repeat.bind() + "」は届出のデータの一覧ではありません（persons か procedures）");
			return;
		}
		if (repeat.filter() != null && !repeat.filter().isBlank()) {
			int equals = repeat.filter().indexOf('=');
			String path = (equals > 0) ? repeat.filter().substring(0, equals) : "";
			if (path.isEmpty() || DataPaths.typeOf(item.get(), path).isEmpty()) {
				errors.add(label + ": 絞り込み「" + repeat.filter() + "」は「項目=値」の形で、一覧の項目を指定してください");
			}
		}
		double lastRowY = originY + repeat.y() + repeat.rowHeight() * Math.max(repeat.rows() - 1, 0);
		List<Element> elements = repeat.elements();
		if (elements.isEmpty()) {
			errors.add(label + ": 行に何も置かれていません");
		}
		for (int i = 0; i < elements.size(); i++) {
			Element element = elements.get(i);
			if (element == null) {
				continue;
			}
			check(element, item.get(), page + " " + label, i + 1, originX + repeat.x(), originY + repeat.y(), names,
					errors);
		}
		double[] extent = extent(elements);
		if (extent != null) {
			onPage(label + "の最終行", originX + repeat.x() + extent[0], lastRowY + extent[1], extent[2] - extent[0],
					extent[3] - extent[1], errors);
		}
	}

	/**
	 * The bounding box {minX, minY, maxX, maxY} of a row's elements, or null when empty.
	 */
	private static double @Nullable [] extent(List<Element> elements) {
		double[] extent = null;
		for (Element element : elements) {
			double[] box = null;
			if (element instanceof Line line) {
				box = new double[] { Math.min(line.x1(), line.x2()), Math.min(line.y1(), line.y2()),
						Math.max(line.x1(), line.x2()), Math.max(line.y1(), line.y2()) };
			}
			else if (element instanceof Box b) {
				box = new double[] { b.x(), b.y(), b.x() + b.w(), b.y() + b.h() };
			}
			else if (element instanceof Text t) {
				box = new double[] { t.x(), t.y(), t.x() + t.w(), t.y() + t.h() };
			}
			else if (element instanceof Field f) {
				box = new double[] { f.x(), f.y(), f.x() + f.w(), f.y() + f.h() };
			}
			else if (element instanceof Signature g) {
				box = new double[] { g.x(), g.y(), g.x() + g.w(), g.y() + g.h() };
			}
			if (box == null) {
				continue;
			}
			if (extent == null) {
				extent = box;
			}
			else {
				extent = new double[] { Math.min(extent[0], box[0]), Math.min(extent[1], box[1]),
						Math.max(extent[2], box[2]), Math.max(extent[3], box[3]) };
			}
		}
		return extent;
	}

	private static void unique(String label, String name, Set<String> names, List<String> errors) {
		if (!names.add(name)) {
			errors.add(label + ": 同じ名前が2回使われています");
		}
	}

	private static void positive(String label, double w, double h, List<String> errors) {
		if (w <= 0 || h <= 0) {
			errors.add(label + ": 幅と高さは0より大きくしてください");
		}
	}

	private static void size(String label, double size, List<String> errors) {
		if (size <= 0 || size > 72) {
			errors.add(label + ": 文字サイズは0より大きく72ポイント以下にしてください");
		}
	}

	private static void onPage(String label, double x, double y, double w, double h, List<String> errors) {
		if (x < 0 || y < 0 || x + w > FormTemplate.PAGE_WIDTH + 0.001 || y + h > FormTemplate.PAGE_HEIGHT + 0.001) {
			errors.add(label + ": ページからはみ出しています（A4 は 幅210mm × 高さ297mm）");
		}
	}

	private static String shorten(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 12) ? text.substring(0, 12) + "…" : text;
	}

}
