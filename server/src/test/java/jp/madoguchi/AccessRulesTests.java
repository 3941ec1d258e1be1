package jp.madoguchi;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import jp.madoguchi.platform.AccessRules;
import jp.madoguchi.platform.AccessRules.Rule;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its URL rules ({@link AccessRules}); the central security
 * configuration owns none, and no two modules claim the same URL, so the order in which
 * the modules' rules are applied cannot change who is let in.
 */
class AccessRulesTests {

	/** What the counter's chain itself may name: sign-in, set-up and the open paths. */
	static final Set<String> CORE_PATHS = Set.of("/", "/css/", "/js/", "/images/", "/fonts/", "/webjars/",
			"/favicon.ico", "/favicon.svg", "/error", "/actuator/health", "/login", "/login?logout",
			"/login?error=refused", "/login?error=service-account", "/login?expired", "/logout", "/setup",
			"/account/password");

	static final Path SECURITY_SOURCES = Path.of("src/main/java/jp/madoguchi/accounts/security");

	static final Pattern PATH_LITERAL = Pattern.compile("\"(/[^\"]*)\"");

	static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+|\\*|\\*\\*");

	record Module(String name, List<Rule> rules) {
	}

	static List<Module> modules() throws Exception {
		List<Module> modules = new ArrayList<>();
		for (JavaClass type : ArchitectureTests.classes) {
			if (type.isAssignableTo(AccessRules.class) && !type.isInterface()) {
				Class<?> implementation = type.reflect();
				Constructor<?> constructor = implementation.getDeclaredConstructor();
				constructor.setAccessible(true);
				String module = type.getPackageName().substring("jp.madoguchi.".length()).split("\\.")[0];
				modules.add(new Module(module, ((AccessRules) constructor.newInstance()).rules()));
			}
		}
		return modules;
	}

	@Test
	void everyModuleContributesItsRulesFromItsWebPackageAsAComponent() {
		List<JavaClass> implementations = ArchitectureTests.classes.stream()
			.filter((type) -> type.isAssignableTo(AccessRules.class) && !type.isInterface())
			.toList();
		assertThat(implementations).extracting(JavaClass::getPackageName)
			.containsExactlyInAnyOrder("jp.madoguchi.accounts.web", "jp.madoguchi.address.web",
					"jp.madoguchi.admin.web", "jp.madoguchi.audit.web", "jp.madoguchi.booking.web",
					"jp.madoguchi.forms.web", "jp.madoguchi.guidance.web", "jp.madoguchi.platform.web",
					"jp.madoguchi.prefiling.web", "jp.madoguchi.reception.web", "jp.madoguchi.residentrecord.web",
					"jp.madoguchi.retention.web", "jp.madoguchi.statistics.web", "jp.madoguchi.terminals.web");
		assertThat(implementations).allSatisfy((type) -> {
			assertThat(type.isAnnotatedWith(Component.class)).as(type.getName()).isTrue();
			assertThat(type.getModifiers()).as(type.getName())
				.doesNotContain(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC);
		});
	}

	@Test
	void patternsAreSimpleEnoughToCompare() throws Exception {
		for (Module module : modules()) {
			for (Rule rule : module.rules()) {
				assertThat(rule.patterns()).as(module.name()).isNotEmpty().allSatisfy((pattern) -> {
					assertThat(pattern).startsWith("/");
					List<String> segments = segments(pattern);
					for (int i = 0; i < segments.size(); i++) {
						assertThat(segments.get(i)).as(pattern).matches(SEGMENT);
						if (segments.get(i).equals("**")) {
							assertThat(i).as("** only at the end of %s", pattern).isEqualTo(segments.size() - 1);
						}
					}
				});
			}
		}
	}

	@Test
	void noTwoModulesClaimTheSameUrl() throws Exception {
		List<Module> modules = modules();
		List<String> clashes = new ArrayList<>();
		for (Module one : modules) {
			for (Module other : modules) {
				if (one.name().compareTo(other.name()) >= 0) {
					continue;
				}
				for (Rule a : one.rules()) {
					for (Rule b : other.rules()) {
						if (a.method() != null && b.method() != null && !a.method().equals(b.method())) {
							continue;
						}
						for (String p : a.patterns()) {
							for (String q : b.patterns()) {
								if (overlap(segments(p), segments(q))) {
									clashes.add(one.name() + " " + p + " / " + other.name() + " " + q);
								}
							}
						}
					}
				}
			}
		}
		assertThat(clashes).isEmpty();
	}

	@Test
	void theOverlapCheckSeesOverlaps() {
		assertThat(overlap(segments("/admin/**"), segments("/admin/users/**"))).isTrue();
		assertThat(overlap(segments("/statistics/**"), segments("/statistics"))).isTrue();
		assertThat(overlap(segments("/api/v1/receptions/*/legal-hold"), segments("/api/v1/receptions/**"))).isTrue();
		assertThat(overlap(segments("/api/v1/*/x"), segments("/api/v1/receptions/x"))).isTrue();
		assertThat(overlap(segments("/reception/**"), segments("/reception-x/**"))).isFalse();
		assertThat(overlap(segments("/api/v1/admin/users/**"), segments("/api/v1/admin/groups/**"))).isFalse();
		assertThat(overlap(segments("/api/v1/*/x"), segments("/api/v1/y"))).isFalse();
	}

	@Test
	void theCentralSecurityConfigurationNamesNoModuleUrl() throws IOException {
		Set<String> named = new TreeSet<>();
		try (Stream<Path> sources = Files.list(SECURITY_SOURCES)) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher literal = PATH_LITERAL.matcher(Files.readString(source, StandardCharsets.UTF_8));
				while (literal.find()) {
					named.add(literal.group(1));
				}
			}
		}
		assertThat(named).contains("/login", "/setup").isSubsetOf(CORE_PATHS);
	}

	static List<String> segments(String pattern) {
		return List.of(pattern.substring(1).split("/"));
	}

	/** Whether some path matches both patterns (literal segments, *, and a final **). */
	static boolean overlap(List<String> a, List<String> b) {
		if (!a.isEmpty() && a.get(0).equals("**") || !b.isEmpty() && b.get(0).equals("**")) {
			return true;
		}
		if (a.isEmpty() || b.isEmpty()) {
			return a.isEmpty() && b.isEmpty();
		}
		String x = a.get(0);
		String y = b.get(0);
		return (x.equals(y) || x.equals("*") || y.equals("*"))
				&& overlap(a.subList(1, a.size()), b.subList(1, b.size()));
	}

}
