package jp.madoguchi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.params.ParameterizedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naming rule of docs/development.md: a class with tests (its nested classes count
 * with it) is named {@code …Tests} (Surefire) or {@code …IT} (Failsafe), and a class
 * named {@code …Test} or {@code …Tests} has tests. Helpers are named otherwise, so
 * Surefire neither misses tests nor runs helpers.
 */
class TestNamingTests {

	/**
	 * JUnit annotations that make a method a test; {@code @RepeatedTest} is a template.
	 */
	static final List<Class<? extends java.lang.annotation.Annotation>> TEST_ANNOTATIONS = List.of(Test.class,
			ParameterizedTest.class, TestTemplate.class, TestFactory.class);

	/** The same in source, for the modules whose classes this JVM does not see. */
	static final Pattern TEST_ANNOTATION_IN_SOURCE = Pattern
		.compile("(?m)^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

	@Test
	void serverTestClassesAreNamedByWhatTheyAre() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("jp.madoguchi");
		assertThat(classes).as("compiled test classes of the server").isNotEmpty();
		Map<String, Boolean> hasTests = new TreeMap<>();
		for (JavaClass type : classes) {
			if (!compiledFromExistingSource(type)) {
				continue;
			}
			hasTests.merge(topLevel(type).getName(), type.getAllMethods().stream().anyMatch(TestNamingTests::isTest),
					Boolean::logicalOr);
		}
		assertThat(violations(hasTests)).as("server/src/test/java").isEmpty();
	}

	@Test
	void cardAndCardAgentTestClassesAreNamedByWhatTheyAre() throws IOException {
		for (String module : List.of("card", "card-agent")) {
			Path tests = Path.of("..", module, "src", "test", "java");
			assertThat(tests).as("run from server/, next to " + module).isDirectory();
			Map<String, Boolean> hasTests = new TreeMap<>();
			try (Stream<Path> files = Files.walk(tests)) {
				for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
					String name = tests.relativize(file).toString().replaceFirst("\\.java$", "").replace('/', '.');
					hasTests.put(name,
							TEST_ANNOTATION_IN_SOURCE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find());
				}
			}
			assertThat(hasTests).as(module + " test sources").isNotEmpty();
			assertThat(violations(hasTests)).as(module + "/src/test/java").isEmpty();
		}
	}

	/**
	 * The broken rules, given each top-level class (qualified name) and whether it or a
	 * class nested in it has tests.
	 */
	static List<String> violations(Map<String, Boolean> hasTests) {
		List<String> violations = new ArrayList<>();
		hasTests.forEach((qualified, tests) -> {
			String name = qualified.substring(qualified.lastIndexOf('.') + 1);
			if (tests && !(name.endsWith("Tests") || name.endsWith("IT"))) {
				violations.add(qualified + " has tests but does not end in Tests or IT");
			}
			if (!tests && (name.endsWith("Test") || name.endsWith("Tests"))) {
				violations.add(qualified + " ends in Test(s) but has no tests: a helper needs another name");
			}
		});
		return violations;
	}

	private static boolean isTest(JavaMethod method) {
		return TEST_ANNOTATIONS.stream()
			.anyMatch(annotation -> method.isAnnotatedWith(annotation) || method.isMetaAnnotatedWith(annotation));
	}

	/** False for a class left in target/ by a source since renamed or deleted. */
	private static boolean compiledFromExistingSource(JavaClass type) {
		return type.getSource()
			.flatMap(Source::getFileName)
			.map(file -> Files.exists(Path.of("src", "test", "java", type.getPackageName().replace('.', '/'), file)))
			.orElse(true);
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer;
	}

}
