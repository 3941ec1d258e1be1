package jp.madoguchi.bench;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.forms.template.DataPaths;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.Formats;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignLine;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignRectangle;
import net.sf.jasperreports.engine.design.JRDesignStaticText;
import net.sf.jasperreports.engine.design.JRDesignTextElement;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7's side-by-side: the same 住民異動届 layout and data as {@link FormRenderBenchmark},
 * drawn by JasperReports 7 with the same IPAmj明朝 (font extension in
 * {@code jasperreports_extension.properties}, embedded, Identity-H). The JasperDesign is
 * built from the template's own elements (millimetres to points; repeats expanded into
 * rows; fields shrink with {@code ScaleFont}) and compiled once; each operation fills it
 * with the formatted values and exports the PDF, as a Jasper-based application would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class JasperFormRenderBenchmark {

	static final double POINTS_PER_MM = 72 / 25.4;

	static final String FONT = "IPAmjMincho";

	JasperReport report;

	/** Parameter name → how to compute its value from the data. */
	final Map<String, Binding> bindings = new HashMap<>();

	FormData data;

	record Binding(Object root, String path, String format, int index) {

	}

	@Setup
	public void load() throws Exception {
		FormRenderBenchmark same = new FormRenderBenchmark();
		same.load();
		same.close();
		data = same.data;
		report = JasperCompileManager.compileReport(design(same.template));
	}

	JasperDesign design(FormTemplate template) throws JRException {
		JasperDesign design = new JasperDesign();
		design.setName("moving_notification");
		design.setPageWidth(595);
		design.setPageHeight(842);
		design.setColumnWidth(595);
		design.setLeftMargin(0);
		design.setRightMargin(0);
		design.setTopMargin(0);
		design.setBottomMargin(0);
		JRDesignBand band = new JRDesignBand();
		band.setHeight(842);
		for (Element element : template.pages().get(0).elements()) {
			add(design, band, element, 0, 0, data, 0);
		}
		design.setTitle(band);
		return design;
	}

	void add(JasperDesign design, JRDesignBand band, Element element, double dx, double dy, Object root, int index)
			throws JRException {
		if (element instanceof Element.Line) {
			Element.Line line = (Element.Line) element;
			JRDesignLine shape = new JRDesignLine();
			place(shape, dx + Math.min(line.x1(), line.x2()), dy + Math.min(line.y1(), line.y2()),
					Math.abs(line.x2() - line.x1()), Math.abs(line.y2() - line.y1()));
			shape.getLinePen().setLineWidth((float) (line.strokeWidth() * POINTS_PER_MM));
			shape.setForecolor(Color.BLACK);
			band.addElement(shape);
		}
		else if (element instanceof Element.Box) {
			Element.Box box = (Element.Box) element;
			JRDesignRectangle shape = new JRDesignRectangle();
			place(shape, dx + box.x(), dy + box.y(), box.w(), box.h());
			shape.getLinePen().setLineWidth((float) (box.strokeWidth() * POINTS_PER_MM));
			shape.setMode(net.sf.jasperreports.engine.type.ModeEnum.TRANSPARENT);
			band.addElement(shape);
		}
		else if (element instanceof Element.Text) {
			Element.Text text = (Element.Text) element;
			JRDesignStaticText shape = new JRDesignStaticText();
			place(shape, dx + text.x(), dy + text.y(), text.w(), text.h());
			style(shape, text.typeSize(), text.align());
			shape.setText(text.text());
			band.addElement(shape);
		}
		else if (element instanceof Element.Field) {
			Element.Field field = (Element.Field) element;
			String parameter = "p" + bindings.size();
			bindings.put(parameter, new Binding(root, field.bind(), field.format(), index));
			JRDesignParameter declared = new JRDesignParameter();
			declared.setName(parameter);
			declared.setValueClass(String.class);
			design.addParameter(declared);
			JRDesignTextField shape = new JRDesignTextField();
			place(shape, dx + field.x(), dy + field.y(), field.w(), field.h());
			style(shape, field.typeSize(), field.align());
			// shrink to fit like the forms renderer (never clipped silently)
			shape.setTextAdjust(TextAdjustEnum.SCALE_FONT);
			shape.setExpression(new JRDesignExpression("$P{" + parameter + "}"));
			band.addElement(shape);
		}
		else if (element instanceof Element.Repeat) {
			Element.Repeat repeat = (Element.Repeat) element;
			Object items = DataPaths.resolve(root, repeat.bind());
			List<?> list = (items instanceof List) ? (List<?>) items : List.of();
			for (int row = 0; row < Math.min(repeat.rows(), list.size()); row++) {
				for (Element inner : repeat.elements()) {
					add(design, band, inner, dx + repeat.x(), dy + repeat.y() + row * repeat.rowHeight(), list.get(row),
							row);
				}
			}
		}
		// Element.Signature: nothing to draw without a signature (as in
		// FormRenderBenchmark)
	}

	static void place(JRDesignElement shape, double x, double y, double w, double h) {
		shape.setX((int) Math.round(x * POINTS_PER_MM));
		shape.setY((int) Math.round(y * POINTS_PER_MM));
		shape.setWidth(Math.max(1, (int) Math.round(w * POINTS_PER_MM)));
		shape.setHeight(Math.max(1, (int) Math.round(h * POINTS_PER_MM)));
	}

	static void style(JRDesignTextElement shape, double size, String align) {
		shape.setFontName(FONT);
		shape.setFontSize((float) size);
		shape.setPdfEmbedded(true);
		shape.setPdfEncoding("Identity-H");
		shape.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
		shape.setHorizontalTextAlign("center".equals(align) ? HorizontalTextAlignEnum.CENTER
				: "right".equals(align) ? HorizontalTextAlignEnum.RIGHT : HorizontalTextAlignEnum.LEFT);
	}

	@Benchmark
	public byte[] renderMovingNotification() throws JRException {
		Map<String, Object> values = new HashMap<>();
		for (Map.Entry<String, Binding> e : bindings.entrySet()) {
			Binding b = e.getValue();
			Object value = DataPaths.INDEX.equals(b.path()) ? Integer.valueOf(b.index() + 1)
					: DataPaths.resolve(b.root(), b.path());
			values.put(e.getKey(), Formats.format(value, b.format()));
		}
		JasperPrint print = JasperFillManager.fillReport(report, values, new JREmptyDataSource(1));
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		JRPdfExporter exporter = new JRPdfExporter();
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		exporter.exportReport();
		return out.toByteArray();
	}

	/**
	 * Writes one PDF to the path given, to check what Jasper embedded (pdffonts,
	 * pdftotext).
	 */
	public static void main(String[] args) throws Exception {
		JasperFormRenderBenchmark bench = new JasperFormRenderBenchmark();
		bench.load();
		java.nio.file.Files.write(java.nio.file.Path.of(args[0]), bench.renderMovingNotification());
	}

}
