package jp.madoguchi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the message bundles honest without starting Spring: every
 * {@code i18n/*.properties} bundle has a Japanese default file and an {@code _en} file,
 * the resident-facing bundles also one for each resident language ({@code _zh},
 * {@code _ko}, {@code _vi}, {@code _pt}); every language file has exactly the keys of the
 * Japanese file, the same message arguments and no blank values, and every message key a
 * template names exists; every problem code the Java sources raise has its message
 * {@code problem.<CODE>} in Japanese and English, and no problem is built with Japanese
 * text in Java.
 */
class MessageBundlesTests {

	private static final Pattern BUNDLE_FILE = Pattern
		.compile("(?<base>[A-Za-z0-9-]+?)(?:_(?<lang>[a-z]{2}(?:__[a-z]+)?))?\\.properties");

	/** Thymeleaf message expressions with a literal key: #{key} and #{key(args)}. */
	private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");

	/** Message lookups with a literal key in expressions: #messages.msg('key'). */
	private static final Pattern MESSAGES_UTILITY = Pattern.compile("#messages\\.msg\\('([A-Za-z][\\w.-]*)'");

	/** Parser-level comments (documentation of fragments) and HTML comments. */
	private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

	/** 中文（简体）, 한국어, Tiếng Việt, Português (platform.web.LocaleConfiguration). */
	private static final Set<String> RESIDENT_LANGUAGES = Set.of("zh", "ko", "vi", "pt");

	/**
	 * The bundles of the resident-facing pages (the public wizard, the kiosk, the call
	 * display, their layout and error pages) and of the findings the wizard shows
	 * ({@code moving-findings}): each exists in every resident language, with every key.
	 */
	private static final Set<String> RESIDENT_BUNDLES = Set.of("messages", "prefiling", "display", "moving-findings");

	private static final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

	/** Bundle base name → language ("ja" for the default file) → file contents. */
	private static final Map<String, Map<String, Properties>> bundles = new TreeMap<>();

	@BeforeAll
	static void loadBundles() throws IOException {
		for (Resource resource : resources.getResources("classpath*:i18n/*.properties")) {
			Matcher name = BUNDLE_FILE.matcher(resource.getFilename());
			assertThat(name.matches()).as("bundle file name %s", resource.getFilename()).isTrue();
			String language = (name.group("lang") != null) ? name.group("lang") : "ja";
			Properties properties = load(resource);
			Properties earlier = bundles.computeIfAbsent(name.group("base"), (base) -> new TreeMap<>())
				.put(language, properties);
			assertThat(earlier).as("%s exists twice on the classpath", resource.getFilename()).isNull();
		}
	}

	@Test
	void findsTheCommonBundle() {
		assertThat(bundles).containsKey("messages");
		assertThat(bundles.get("messages").get("ja")).isNotEmpty();
	}

	@Test
	void everyBundleHasJapaneseAndEnglish() {
		bundles.forEach((base, languages) -> {
			List<String> full = languages.keySet().stream().filter((language) -> !language.contains("__")).toList();
			assertThat(full).as("languages of i18n/%s (the file without suffix is Japanese)", base)
				.contains("ja", "en");
			assertThat(full).as("languages of i18n/%s beyond Japanese and English", base)
				.allMatch((language) -> language.equals("ja") || language.equals("en")
						|| RESIDENT_LANGUAGES.contains(language));
		});
	}

	@Test
	void residentFacingBundlesHaveEveryResidentLanguage() {
		assertThat(bundles).containsKeys(RESIDENT_BUNDLES.toArray(String[]::new));
		RESIDENT_BUNDLES.forEach((base) -> assertThat(bundles.get(base).keySet())
			.as("languages of i18n/%s, a resident-facing bundle", base)
			.containsAll(RESIDENT_LANGUAGES));
	}

	/**
	 * The findings of the moving checks ({@code finding.<CODE>}) live only in the
	 * resident-facing {@code moving-findings} bundle: a finding added to another bundle
	 * would reach a resident in Japanese.
	 */
	@Test
	void findingsAreInTheResidentFacingBundleOnly() {
		assertThat(bundles.get("moving-findings").get("ja").stringPropertyNames()).isNotEmpty()
			.allMatch((key) -> key.startsWith("finding."));
		List<String> elsewhere = new ArrayList<>();
		bundles.forEach((base,
				languages) -> languages.forEach((language, properties) -> keys(properties).stream()
					.filter((key) -> key.startsWith("finding.") && !base.equals("moving-findings"))
					.forEach((key) -> elsewhere.add(base + " (" + language + "): " + key))));
		assertThat(elsewhere).as("findings outside i18n/moving-findings").isEmpty();
	}

	/**
	 * Every language file (English and the resident languages; not the Japanese variants
	 * such as やさしい日本語) has every key of its Japanese file and no other: a missing
	 * translation fails here rather than showing Japanese in the middle of a page.
	 */
	@Test
	void languagesHaveTheSameKeys() {
		assertThat(keyDifferences(bundles)).isEmpty();
	}

	@Test
	void aBundleLackingAKeyOfTheJapaneseOneIsFound() {
		Properties japanese = new Properties();
		japanese.setProperty("wizard.title", "事前申請");
		japanese.setProperty("wizard.next", "次へ");
		Properties vietnamese = new Properties();
		vietnamese.setProperty("wizard.title", "Đăng ký trước");
		Properties easy = new Properties();
		easy.setProperty("wizard.title", "じぜん しんせい");
		assertThat(keyDifferences(Map.of("sample", Map.of("ja", japanese, "vi", vietnamese, "ja__easy", easy))))
			.containsExactly("i18n/sample_vi.properties lacks wizard.next");
	}

	/**
	 * Every language file (English and the resident languages; not the Japanese variants
	 * such as やさしい日本語) has every key of its Japanese file and no other: a missing
	 * translation fails here rather than showing Japanese in the middle of a page.
	 */
	private static List<String> keyDifferences(Map<String, Map<String, Properties>> all) {
		List<String> problems = new ArrayList<>();
		all.forEach((base, languages) -> {
			Set<String> japanese = keys(languages.getOrDefault("ja", new Properties()));
			languages.forEach((language, properties) -> {
				if (language.equals("ja") || language.contains("__")) {
					return;
				}
				Set<String> translated = keys(properties);
				for (String key : japanese) {
					if (!translated.contains(key)) {
						problems.add("i18n/" + base + "_" + language + ".properties lacks " + key);
					}
				}
				for (String key : translated) {
					if (!japanese.contains(key)) {
						problems.add("i18n/" + base + ".properties lacks " + key + " (in _" + language + ")");
					}
				}
			});
		});
		return problems;
	}

	/**
	 * A variant of Japanese such as やさしい日本語 ({@code _ja__easy}) may translate only some
	 * messages (the rest fall back to Japanese), but no key that Japanese lacks and with
	 * the same arguments.
	 */
	@Test
	void japaneseVariantsTranslateOnlyJapaneseKeys() {
		List<String> problems = new ArrayList<>();
		bundles.forEach((base, languages) -> languages.forEach((language, properties) -> {
			if (!language.startsWith("ja__")) {
				return;
			}
			Properties japanese = languages.get("ja");
			for (String key : keys(properties)) {
				if (japanese == null || japanese.getProperty(key) == null) {
					problems.add(base + "_" + language + ": " + key + " is not a Japanese key");
				}
				else if (!arguments(japanese.getProperty(key)).equals(arguments(properties.getProperty(key)))) {
					problems.add(base + "_" + language + ": " + key + " has other arguments");
				}
			}
		}));
		assertThat(problems).isEmpty();
	}

	@Test
	void noValueIsBlank() {
		List<String> problems = new ArrayList<>();
		bundles.forEach((base, languages) -> languages.forEach((language, properties) -> {
			for (String key : keys(properties)) {
				if (properties.getProperty(key).isBlank()) {
					problems.add(base + " (" + language + "): " + key);
				}
			}
		}));
		assertThat(problems).as("blank messages").isEmpty();
	}

	@Test
	void languagesUseTheSameArguments() {
		List<String> problems = new ArrayList<>();
		bundles.forEach((base, languages) -> {
			Properties japanese = languages.get("ja");
			if (japanese == null) {
				return;
			}
			languages.forEach((language, translated) -> {
				if (language.equals("ja") || language.contains("__")) {
					return;
				}
				for (String key : keys(japanese)) {
					String other = translated.getProperty(key);
					if (other != null && !arguments(japanese.getProperty(key)).equals(arguments(other))) {
						problems.add(base + "_" + language + ": " + key);
					}
				}
			});
		});
		assertThat(problems).as("messages whose {n} arguments differ between languages").isEmpty();
	}

	@Test
	void everyKeyUsedInATemplateExists() throws IOException {
		Set<String> known = new HashSet<>();
		bundles.values().forEach((languages) -> languages.values().forEach((p) -> known.addAll(keys(p))));

		Map<String, Set<String>> missing = new TreeMap<>();
		int templates = 0;
		int used = 0;
		for (Resource template : resources.getResources("classpath*:templates/**/*.html")) {
			templates++;
			String text;
			try (InputStream in = template.getInputStream()) {
				text = COMMENT.matcher(StreamUtils.copyToString(in, StandardCharsets.UTF_8)).replaceAll("");
			}
			for (String key : usedKeys(text)) {
				used++;
				// 'prefix.' + value: some key must start with the prefix
				boolean defined = key.endsWith(".") ? known.stream().anyMatch((k) -> k.startsWith(key))
						: known.contains(key);
				if (!defined) {
					missing
						.computeIfAbsent(template.getURL().getPath().replaceFirst(".*/templates/", ""),
								(t) -> new TreeSet<>())
						.add(key);
				}
			}
		}
		assertThat(templates).as("templates found").isPositive();
		assertThat(used).as("message keys found in templates").isPositive();
		assertThat(missing).as("message keys used in templates but defined in no bundle").isEmpty();
	}

	@Test
	void findsKeysTheWayTemplatesWriteThem() {
		String template = """
				<h1 th:text="#{home.title}"></h1>
				<p th:text="#{error.status(${status})}"></p>
				<p th:text="${#messages.msg('nav.users')}"></p>
				<p th:text="#{__${'banner.label.' + kind}__}"></p>
				""";
		assertThat(usedKeys(template)).containsExactlyInAnyOrder("home.title", "error.status", "nav.users");
	}

	/** Where problems are built: the expression that follows is scanned. */
	private static final Pattern PROBLEM_BUILDER = Pattern.compile(
			"new ProblemException\\(|ProblemException\\.(?:notFound|conflict|invalid)\\(|Problems\\.of\\(|(?<=\\bsuper)\\(");

	/** A code: an UPPER_SNAKE string literal, or a constant that holds one. */
	private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"|([A-Z][A-Z0-9_]*)");

	private static final Pattern BECAUSE = Pattern.compile("^\\s*\\.because\\(\"(\\w+)\"\\)");

	private static final Pattern STRING_CONSTANT = Pattern
		.compile("static final String ([A-Z][A-Z0-9_]*) = \"([A-Z][A-Z0-9_]*)\";");

	private static final Pattern JAPANESE = Pattern
		.compile("[\\u3000-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF01-\\uFF9F]");

	private static final Path MAIN_SOURCES = Path.of("src/main/java");

	@Test
	void everyProblemCodeHasItsMessageInJapaneseAndEnglish() throws IOException {
		Set<String> japanese = new TreeSet<>();
		Set<String> english = new TreeSet<>();
		bundles.values().forEach((languages) -> {
			japanese.addAll(keys(languages.getOrDefault("ja", new Properties())));
			english.addAll(keys(languages.getOrDefault("en", new Properties())));
		});
		Map<String, String> sources = mainSources();
		Map<String, String> constants = new HashMap<>();
		sources.values().forEach((text) -> {
			Matcher constant = STRING_CONSTANT.matcher(text);
			while (constant.find()) {
				constants.put(constant.group(1), constant.group(2));
			}
		});

		Set<String> keys = new TreeSet<>();
		List<String> japaneseInJava = new ArrayList<>();
		sources.forEach((file, text) -> {
			boolean problemClass = text.contains("extends ProblemException");
			Matcher builder = PROBLEM_BUILDER.matcher(text);
			while (builder.find()) {
				if (builder.group().equals("(") && !problemClass) {
					continue;
				}
				int end = closingParenthesis(text, builder.end());
				String expression = text.substring(builder.start(), end);
				if (JAPANESE.matcher(expression).find()) {
					japaneseInJava.add(file + ": " + expression.strip());
				}
				List<String> codes = codes(expression, constants);
				Matcher because = BECAUSE.matcher(text.substring(end));
				for (String code : codes) {
					keys.add("problem." + code);
					if (because.find() && codes.size() == 1) {
						keys.add("problem." + code + "." + because.group(1));
					}
				}
			}
		});

		assertThat(keys).as("problem codes found in the sources")
			.hasSizeGreaterThan(80)
			.contains("problem.NOTIFICATION_NOT_FOUND", "problem.UNAUTHENTICATED", "problem.PREFILING_PAYLOAD_INVALID",
					"problem.VALIDATION_FAILED.range");
		assertThat(keys.stream().filter((key) -> !japanese.contains(key)).toList())
			.as("problem messages missing in Japanese (i18n/<module>.properties)")
			.isEmpty();
		assertThat(keys.stream().filter((key) -> !english.contains(key)).toList())
			.as("problem messages missing in English (i18n/<module>_en.properties)")
			.isEmpty();
		assertThat(japaneseInJava).as("problems built with Japanese text in Java").isEmpty();
	}

	@Test
	void findsProblemCodesTheWaySourcesWriteThem() {
		Map<String, String> constants = Map.of("INVALID", "PREFILING_PAYLOAD_INVALID");
		assertThat(codes(
				"new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, \"VERSION_REQUIRED\", Map.of(\"field\", x))",
				constants))
			.containsExactly("VERSION_REQUIRED");
		assertThat(codes("ProblemException.invalid(INVALID, MAX_PERSONS)", constants))
			.containsExactly("PREFILING_PAYLOAD_INVALID");
		assertThat(codes("Problems.of(request, HttpStatus.UNAUTHORIZED, \"UNAUTHENTICATED\")", constants))
			.containsExactly("UNAUTHENTICATED");
		assertThat(JAPANESE.matcher("ProblemException.notFound(\"X\", \"届出が見つかりません。\")").find()).isTrue();
		assertThat(JAPANESE.matcher("ProblemException.notFound(\"NOTIFICATION_NOT_FOUND\")").find()).isFalse();
	}

	/**
	 * The code of a problem expression: the argument after the status, or the first one
	 * of the factories ({@code ProblemException.invalid(CODE, ...)}); none when the code
	 * is a variable.
	 */
	private static List<String> codes(String expression, Map<String, String> constants) {
		List<String> arguments = callArguments(expression.substring(expression.indexOf('(') + 1));
		int status = -1;
		for (int i = 0; i < arguments.size() && status < 0; i++) {
			if (arguments.get(i).startsWith("HttpStatus.")) {
				status = i;
			}
		}
		int index = (status >= 0) ? status + 1 : (expression.startsWith("ProblemException.") ? 0 : -1);
		if (index < 0 || index >= arguments.size()) {
			return List.of();
		}
		Matcher code = CODE.matcher(arguments.get(index));
		if (!code.matches()) {
			return List.of();
		}
		if (code.group(1) != null) {
			return List.of(code.group(1));
		}
		return constants.containsKey(code.group(2)) ? List.of(constants.get(code.group(2))) : List.of();
	}

	/** The top-level arguments of a call, from just after its opening parenthesis. */
	private static List<String> callArguments(String text) {
		List<String> arguments = new ArrayList<>();
		int depth = 0;
		boolean inString = false;
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				current.append(c);
				if (c == '\\') {
					current.append(text.charAt(++i));
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if ((c == ')' || c == '}' || c == ']') && depth-- == 0) {
				break;
			}
			else if (c == ',' && depth == 0) {
				arguments.add(current.toString().strip());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		arguments.add(current.toString().strip());
		return arguments;
	}

	private static int closingParenthesis(String text, int from) {
		int depth = 1;
		boolean inString = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i + 1;
			}
		}
		return text.length();
	}

	private static Map<String, String> mainSources() throws IOException {
		Map<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				sources.put(MAIN_SOURCES.relativize(file).toString(), Files.readString(file));
			}
		}
		assertThat(sources).as("main sources under %s", MAIN_SOURCES.toAbsolutePath()).isNotEmpty();
		return sources;
	}

	static Set<String> usedKeys(String text) {
		Set<String> keys = new TreeSet<>();
		for (Pattern pattern : List.of(MESSAGE_EXPRESSION, MESSAGES_UTILITY)) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		return keys;
	}

	private static Set<String> keys(Properties properties) {
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static Set<String> arguments(String message) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
