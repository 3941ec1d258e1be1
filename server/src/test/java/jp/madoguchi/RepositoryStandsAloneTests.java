package jp.madoguchi;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository stands alone (docs/design/decisions.md ADR-16): no file cites a design
 * document kept outside it, and every relative Markdown link of the documentation
 * resolves to a file inside it. The design lives in docs/design/.
 */
class RepositoryStandsAloneTests {

	/**
	 * The names of the outside documents, assembled from pieces so that this file does
	 * not cite them itself. A name counts only as a whole file name: case-sensitive, and
	 * not preceded by a letter, digit, underscore or hyphen (docs/design/http-api.md is
	 * fine).
	 */
	private static final Pattern OUTSIDE_CITATION = Pattern.compile(Pattern.quote(".." + "/" + "shared" + "/") + "|"
			+ "(?<![A-Za-z0-9_-])(?:" + String.join("|", "DOM" + "AIN", "ARCHI" + "TECTURE", "A" + "PI") + ")\\.md\\b");

	/**
	 * Applied Flyway migrations are never edited: Flyway validates each one's checksum on
	 * every start, so changing even a comment would stop every existing database from
	 * starting. This one keeps its old citation.
	 */
	private static final Set<String> EXEMPT = Set
		.of("server/src/main/resources/db/migration/moving/V2026112530__moving.sql");

	private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "md", "html", "yml", "yaml", "js", "css",
			"properties", "sql", "sh", "xml", "json", "txt");

	private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git", "data");

	private static final Pattern MARKDOWN_LINK = Pattern
		.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

	@Test
	void noFileCitesADocumentOutsideTheRepository() throws IOException {
		assertThat(outsideCitations(repositoryRoot()))
			.as("citations of documents outside the repository; cite docs/design/…")
			.isEmpty();
	}

	@Test
	void everyRelativeMarkdownLinkResolvesInsideTheRepository() throws IOException {
		assertThat(brokenLinks(repositoryRoot()))
			.as("relative Markdown links that do not resolve inside the repository")
			.isEmpty();
	}

	@Test
	void theChecksFindWhatTheyAreMeantToFind(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("server/src/main/java"));
		Files.createDirectories(root.resolve("docs/design"));
		Files.createDirectories(root.resolve("bin"));
		Files.createDirectories(root.resolve("server/target"));
		String outside = "DOM" + "AIN.md";
		Files.writeString(root.resolve("server/src/main/java/A.java"),
				"class A {\n\t// see " + outside + " §3\n\t// see docs/design/http-api.md\n}\n");
		Files.writeString(root.resolve("bin/start"), "# ." + "./shared/design/notes\n");
		Files.writeString(root.resolve("docs/design/domain.md"), "the old " + outside + " is gone\n");
		Files.writeString(root.resolve("server/target/B.java"), "// " + outside + "\n");
		Files.writeString(root.resolve("docs/a.md"),
				"[ok](design/domain.md#3) [missing](nowhere.md) [outside](../../elsewhere/x.md) "
						+ "[web](https://example.org/x.md) [anchor](#top) `[code](not-a-link.md)`\n"
						+ "```\n[fenced](ignored.md)\n```\n");
		Files.writeString(root.resolve("README.md"), "[docs](docs/a.md) [dir](docs/design/)\n");

		assertThat(outsideCitations(root)).containsExactly("bin/start:1", "server/src/main/java/A.java:2");
		assertThat(brokenLinks(root)).containsExactly("docs/a.md:1 nowhere.md", "docs/a.md:1 ../../elsewhere/x.md");
	}

	/**
	 * The repository's root: the nearest directory upwards with the Maven wrapper and the
	 * server module.
	 */
	static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("server/pom.xml"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
	}

	/** Every {@code file:line} of a text file that cites an outside document. */
	static List<String> outsideCitations(Path root) throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : textFiles(root)) {
			String relative = relative(root, file);
			if (EXEMPT.contains(relative) || relative.startsWith("docs/design/")) {
				continue;
			}
			List<String> lines = lines(file);
			for (int i = 0; i < lines.size(); i++) {
				if (OUTSIDE_CITATION.matcher(lines.get(i)).find()) {
					found.add(relative + ":" + (i + 1));
				}
			}
		}
		return found;
	}

	/**
	 * Every relative link of README.md and of the Markdown files under docs/ whose target
	 * does not exist or lies outside the repository, as {@code file:line target}.
	 */
	static List<String> brokenLinks(Path root) throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path file : textFiles(root)) {
			String relative = relative(root, file);
			boolean documentation = relative.equals("README.md")
					|| (relative.startsWith("docs/") && relative.endsWith(".md"));
			if (!documentation) {
				continue;
			}
			List<String> lines = lines(file);
			boolean fenced = false;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.stripLeading().startsWith("```")) {
					fenced = !fenced;
					continue;
				}
				if (fenced) {
					continue;
				}
				Matcher link = MARKDOWN_LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
				while (link.find()) {
					String target = link.group(1);
					if (target.startsWith("#") || SCHEME.matcher(target).find()) {
						continue;
					}
					String path = target.replaceFirst("[#?].*$", "");
					Path resolved = file.getParent()
						.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
						.normalize();
					if (!resolved.startsWith(root) || !Files.exists(resolved)) {
						broken.add(relative + ":" + (i + 1) + " " + target);
					}
				}
			}
		}
		return broken;
	}

	private static List<Path> textFiles(Path root) throws IOException {
		List<Path> files = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				return (!dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString()))
						? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				String name = file.getFileName().toString();
				int dot = name.lastIndexOf('.');
				boolean text = (dot >= 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1)))
						|| file.getParent().equals(root.resolve("bin"));
				if (attributes.isRegularFile() && text) {
					files.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

		});
		files.sort(null);
		return files;
	}

	private static List<String> lines(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
	}

	private static String relative(Path root, Path file) {
		return root.relativize(file).toString().replace('\\', '/');
	}

}
