package jp.madoguchi.forms.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;
import jp.madoguchi.text.FontCoverage;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * The print font (IPAmj明朝), parsed once: parsing the 46 MB file takes about 0.3 s, too
 * long per form. FontBox reads the file lazily and is not thread-safe, so renderers use
 * it one at a time through {@link #use(FontWork)}.
 * <p>
 * FontBox ignores the variation-sequence table ({@code cmap} format 14): the glyph of 辻 +
 * U+E0102 comes from {@link FontCoverage#variantGlyph(int, int)}, which reads that table
 * itself; everything else from the font's Unicode cmap.
 */
public final class PrintFont implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PrintFont.class);

	private final Path path;

	private final FontCoverage coverage;

	private final CompletableFuture<Parsed> parsing;

	private final ReentrantLock lock = new ReentrantLock();

	private PrintFont(Path path, FontCoverage coverage, CompletableFuture<Parsed> parsing) {
		this.path = path;
		this.coverage = coverage;
		this.parsing = parsing;
	}

	/**
	 * Loads the font at {@code path}. A missing or unreadable file does not stop the
	 * application (staff can still take notifications): the font is then
	 * {@link #available() unavailable}, the health check reports it and every form
	 * answers 503 {@code FONT_UNAVAILABLE} naming the path.
	 */
	public static PrintFont load(Path path, FontCoverage coverage) {
		return new PrintFont(path, coverage, CompletableFuture.completedFuture(parse(path)));
	}

	/**
	 * As {@link #load(Path, FontCoverage)}, but parses on a thread of its own so that the
	 * server's start does not wait for it; every method that needs the font (the health
	 * check's {@link #available()} too) waits until it is parsed.
	 */
	public static PrintFont loadInBackground(Path path, FontCoverage coverage) {
		CompletableFuture<Parsed> parsing = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				parsing.complete(parse(path));
			}
			catch (Throwable ex) {
				parsing.completeExceptionally(ex);
			}
		}, "print-font");
		thread.setDaemon(true);
		thread.start();
		return new PrintFont(path, coverage, parsing);
	}

	private static Parsed parse(Path path) {
		long started = System.nanoTime();
		try {
			if (!Files.isRegularFile(path)) {
				throw new IOException("no such file");
			}
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
			Parsed parsed = new Parsed(font, font.getUnicodeCmapLookup(false), 1000f / font.getUnitsPerEm(), null);
			log.info("Form font {} ({}) parsed in {} ms", path, font.getName(),
					(System.nanoTime() - started) / 1_000_000);
			return parsed;
		}
		catch (IOException | RuntimeException ex) {
			String problem = "印字フォント（madoguchi.fonts.mincho = " + path + "）を読み込めません: " + ex.getMessage();
			log.error("{} — forms cannot be printed. Install fonts-ipamj-mincho or set madoguchi.fonts.mincho.",
					problem);
			return new Parsed(null, null, 1, problem);
		}
	}

	private Parsed parsed() {
		return parsing.join();
	}

	public boolean available() {
		return parsed().font() != null;
	}

	public Path path() {
		return path;
	}

	/** Why the font is unavailable, naming the path; null when it is available. */
	public @Nullable String problem() {
		return parsed().problem();
	}

	public FontCoverage coverage() {
		return coverage;
	}

	/** Runs {@code work} with the font, one caller at a time. */
	public <T> T use(FontWork<T> work) throws IOException {
		TrueTypeFont loaded = requireFont();
		lock.lock();
		try {
			return work.run(loaded);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The glyphs {@code text} prints with, each with the text it stands for (a base and
	 * its variation selector stay together) and its advance in 1/1000 em. Call inside
	 * {@link #use(FontWork)}.
	 * @throws UnprintableCharacterException when a character has no glyph
	 */
	Shaped shape(String text, String field) throws IOException {
		TrueTypeFont loaded = requireFont();
		CmapLookup cmap = parsed().cmap();
		float scale = parsed().scale();
		List<Integer> glyphs = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<Float> advances = new ArrayList<>();
		for (String character : ExactText.characters(text)) {
			int[] cps = character.codePoints().toArray();
			int first = 1;
			int glyph;
			if (cps.length > 1 && ExactText.isVariationSelector(cps[1])) {
				int variant = coverage.variantGlyph(cps[0], cps[1]);
				glyph = (variant > 0) ? variant : (variant == 0) ? cmap.getGlyphId(cps[0]) : 0;
				first = 2;
				if (glyph == 0) {
					throw UnprintableCharacterException.of(field, text);
				}
				add(glyphs, texts, advances, glyph, new String(cps, 0, 2), loaded, scale);
			}
			else {
				first = 0;
			}
			for (int i = first; i < cps.length; i++) {
				int cp = cps[i];
				glyph = cmap.getGlyphId(cp);
				if (glyph == 0) {
					if (Character.getType(cp) == Character.SPACE_SEPARATOR) {
						// a space the font lacks still advances: an ideographic space a
						// full em
						glyphs.add(-1);
						texts.add(new String(Character.toChars(cp)));
						advances.add((cp == 0x3000) ? 1000f : 500f);
						continue;
					}
					throw UnprintableCharacterException.of(field, text);
				}
				add(glyphs, texts, advances, glyph, new String(Character.toChars(cp)), loaded, scale);
			}
		}
		int[] ids = glyphs.stream().mapToInt(Integer::intValue).toArray();
		float[] widths = new float[advances.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = advances.get(i);
		}
		return new Shaped(ids, texts.toArray(String[]::new), widths);
	}

	private void add(List<Integer> glyphs, List<String> texts, List<Float> advances, int glyph, String text,
			TrueTypeFont loaded, float scale) throws IOException {
		glyphs.add(glyph);
		texts.add(text);
		advances.add(loaded.getAdvanceWidth(glyph) * scale);
	}

	/**
	 * @throws ProblemException 503 {@code FONT_UNAVAILABLE} naming the path when the font
	 * could not be loaded
	 */
	public void requireAvailable() {
		requireFont();
	}

	private TrueTypeFont requireFont() {
		Parsed parsed = parsed();
		if (parsed.font() == null) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "FONT_UNAVAILABLE",
					Map.of("path", path.toString()), (parsed.problem() != null) ? parsed.problem() : path.toString());
		}
		return parsed.font();
	}

	@Override
	public void close() throws IOException {
		TrueTypeFont font = parsed().font();
		if (font != null) {
			font.close();
		}
	}

	/** The parsed font, or why there is none. */
	private record Parsed(@Nullable TrueTypeFont font, @Nullable CmapLookup cmap, float scale,
			@Nullable String problem) {
	}

	/** Work done with the parsed font. */
	@FunctionalInterface
	public interface FontWork<T> {

		T run(TrueTypeFont font) throws IOException;

	}

	/**
	 * Glyphs of a text: ids ({@code -1} for a space the font lacks), the text each stands
	 * for, and advances in 1/1000 em.
	 */
	record Shaped(int[] glyphs, String[] texts, float[] advances) {

		float width(float size) {
			float sum = 0;
			for (float advance : advances) {
				sum += advance;
			}
			return sum * size / 1000f;
		}

		Shaped slice(int from, int to) {
			int[] g = java.util.Arrays.copyOfRange(glyphs, from, to);
			String[] t = java.util.Arrays.copyOfRange(texts, from, to);
			float[] a = java.util.Arrays.copyOfRange(advances, from, to);
			return new Shaped(g, t, a);
		}

		int length() {
			return glyphs.length;
		}

	}

}
