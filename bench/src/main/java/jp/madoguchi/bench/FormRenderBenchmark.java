package jp.madoguchi.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.forms.render.FormRenderer;
import jp.madoguchi.forms.render.PrintFont;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.text.font.FontCharacterMap;
import jp.madoguchi.text.font.FontFileCoverage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7's target: one 住民異動届 page in under 50 ms warm. The shipped template, IPAmj明朝
 * parsed once (as the application does), a household of three whose names carry a
 * variation selector; the whole PDF/A document is produced, subset font and all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class FormRenderBenchmark {

	static final Path IPAMJ = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

	static final String TSUJI = "辻\uDB40\uDD02";

	static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 25, 10, 15, 0, 0, ZoneId.of("Asia/Tokyo"));

	PrintFont font;

	FormRenderer renderer;

	FormTemplate template;

	FormData data;

	@Setup
	public void load() throws Exception {
		font = PrintFont.load(IPAMJ, new FontFileCoverage(IPAMJ, FontCharacterMap.read(IPAMJ)));
		renderer = new FormRenderer(font);
		try (InputStream in = FormRenderBenchmark.class
			.getResourceAsStream("/db/migration/forms/V2026112661__form_templates.sql")) {
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher m = Pattern.compile("\\$form\\$(.*?)\\$form\\$", Pattern.DOTALL).matcher(sql);
			m.find();
			template = TemplateJson.parse(m.group(1), "moving-notification");
		}
		Address kushiro = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "窓口ハイツ 203号室", null);
		Address sapporo = new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目", "", null);
		List<FormData.Person> persons = List.of(person("太郎", "タロウ", LocalDate.of(1980, 4, 1), "世帯主"),
				person("花子", "ハナコ", LocalDate.of(1982, 6, 3), "妻"),
				person("一郎", "イチロウ", LocalDate.of(2016, 9, 10), "子"));
		data = new FormData("4a0c3e9e-0000-4000-8000-000000000001", "4A0C3E9E", "転入届", "MOVE_IN", "", "DOMESTIC",
				LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), null, kushiro, sapporo, TSUJI + " 太郎", null,
				true, persons, new FormData.Filer("本人", "SELF", TSUJI + " 太郎", "0154-00-0000", false),
				List.of("マイナンバーカード"), List.of(), LocalDate.of(2026, 11, 25), "10:15", "釧路市長", "4A0C3E9E");
	}

	static FormData.Person person(String given, String givenKana, LocalDate born, String relationship) {
		return new FormData.Person(TSUJI, given, TSUJI + " " + given, "ツジ", givenKana, "ツジ " + givenKana, null, born,
				40, false, true, "男", "MALE", relationship, null, null, null, null, true, null, "国民健康保険", "NHI", null,
				null);
	}

	@TearDown
	public void close() throws Exception {
		font.close();
	}

	@Benchmark
	public byte[] renderMovingNotification() {
		return renderer.render(template, data, null, AT);
	}

}
