package jp.madoguchi.text.font;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.madoguchi.text.Variation;

/**
 * What a font maps: the code points its {@code cmap} gives a glyph (formats 4, 12 and 13
 * of the Unicode subtables) and the variation sequences it lists (format 14, default and
 * non-default). Only the table directory and the {@code cmap} table are read from the
 * file, so a 46 MB font costs a few hundred kilobytes of reading; the result holds a bit
 * set of code points and a sorted array of sequences.
 */
public final class FontCharacterMap {

	private static final int TAG_CMAP = 0x636D6170; // 'cmap'

	private static final int TAG_TTCF = 0x74746366; // 'ttcf'

	private final BitSet codePoints;

	private final int[] sequences;

	private final int defaultSequences;

	/** Non-default sequences, sorted by key, each packed as key << 16 | glyph id. */
	private final long[] variantGlyphs;

	private FontCharacterMap(BitSet codePoints, int[] sequences, int defaultSequences, long[] variantGlyphs) {
		this.codePoints = codePoints;
		this.sequences = sequences;
		this.defaultSequences = defaultSequences;
		this.variantGlyphs = variantGlyphs;
	}

	/**
	 * Reads the character map of the font file at {@code path}.
	 * @throws IOException when the file cannot be read or is not a font with a Unicode
	 * cmap
	 */
	public static FontCharacterMap read(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			long fontOffset = 0;
			ByteBuffer head = readFully(channel, 0, 12);
			if (head.getInt(0) == TAG_TTCF) {
				fontOffset = Integer.toUnsignedLong(readFully(channel, 12, 4).getInt());
				head = readFully(channel, fontOffset, 12);
			}
			int numTables = Short.toUnsignedInt(head.getShort(4));
			ByteBuffer directory = readFully(channel, fontOffset + 12, numTables * 16);
			for (int i = 0; i < numTables; i++) {
				int record = i * 16;
				if (directory.getInt(record) == TAG_CMAP) {
					long offset = Integer.toUnsignedLong(directory.getInt(record + 8));
					int length = directory.getInt(record + 12);
					if (length <= 0 || offset + length > channel.size()) {
						throw new IOException("cmap table outside the file: " + path);
					}
					return parse(readFully(channel, offset, length), path);
				}
			}
			throw new IOException("no cmap table in " + path);
		}
	}

	/** Whether the font gives {@code codePoint} a glyph. */
	public boolean covers(int codePoint) {
		return codePoint >= 0 && codePoints.get(codePoint);
	}

	/**
	 * Whether the font lists the variation sequence {@code base} + {@code selector}, as a
	 * default (the base's own glyph) or a non-default one.
	 */
	public boolean covers(int base, int selector) {
		int index = selectorIndex(selector);
		return index >= 0 && Arrays.binarySearch(sequences, key(base, index)) >= 0;
	}

	/**
	 * The variation sequences listed for {@code base}, default and non-default, in
	 * selector order (U+FE00..U+FE0F first, then U+E0100..U+E01EF).
	 */
	public List<Variation> variations(int base) {
		if (base < 0 || base > 0x10FFFF) {
			return List.of();
		}
		// keys sort by base first, so a base's sequences are one run of the array
		int from = Arrays.binarySearch(sequences, key(base, 0));
		from = (from >= 0) ? from : -from - 1;
		List<Variation> found = new ArrayList<>();
		for (int i = from; i < sequences.length && (sequences[i] >>> 8) == base; i++) {
			found.add(new Variation(base, selector(sequences[i] & 0xFF)));
		}
		return List.copyOf(found);
	}

	/**
	 * The glyph the font's format 14 subtable gives the variation sequence {@code base} +
	 * {@code selector}: a glyph id for a non-default sequence, {@code 0} when the
	 * sequence names the base character's own glyph (a default sequence), {@code -1} when
	 * the font does not list it. Font libraries that ignore format 14 (FontBox among
	 * them) print the base glyph for every sequence; a renderer uses this to print the
	 * right one.
	 */
	public int variantGlyph(int base, int selector) {
		int index = selectorIndex(selector);
		if (index < 0) {
			return -1;
		}
		long key = key(base, index);
		int low = 0;
		int high = variantGlyphs.length - 1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			long found = variantGlyphs[mid] >>> 16;
			if (found < key) {
				low = mid + 1;
			}
			else if (found > key) {
				high = mid - 1;
			}
			else {
				return (int) (variantGlyphs[mid] & 0xFFFF);
			}
		}
		return covers(base, selector) ? 0 : -1;
	}

	/** How many code points have a glyph. */
	public int codePointCount() {
		return codePoints.cardinality();
	}

	/** How many variation sequences the font lists. */
	public int sequenceCount() {
		return sequences.length;
	}

	/** How many of those name the base character's default glyph. */
	public int defaultSequenceCount() {
		return defaultSequences;
	}

	private static FontCharacterMap parse(ByteBuffer cmap, Path path) throws IOException {
		try {
			BitSet codePoints = new BitSet(0x110000);
			IntList sequences = new IntList();
			IntList defaults = new IntList();
			List<Long> glyphs = new ArrayList<>();
			Set<Integer> seen = new HashSet<>();
			int numSubtables = Short.toUnsignedInt(cmap.getShort(2));
			for (int i = 0; i < numSubtables; i++) {
				int record = 4 + i * 8;
				int platform = Short.toUnsignedInt(cmap.getShort(record));
				int encoding = Short.toUnsignedInt(cmap.getShort(record + 2));
				int offset = cmap.getInt(record + 4);
				boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
				if (!unicode || !seen.add(offset)) {
					continue;
				}
				int format = Short.toUnsignedInt(cmap.getShort(offset));
				switch (format) {
					case 4 -> readFormat4(cmap, offset, codePoints);
					case 12, 13 -> readFormat12(cmap, offset, codePoints);
					case 14 -> readFormat14(cmap, offset, sequences, defaults, glyphs);
					default -> {
						// formats 0, 2, 6, 8, 10 map legacy or partial ranges a Unicode
						// font repeats elsewhere
					}
				}
			}
			// A default sequence prints the base's glyph, so it is covered only if the
			// base is.
			int defaultCount = 0;
			for (int i = 0; i < defaults.size(); i++) {
				int key = defaults.get(i);
				if (codePoints.get(key >>> 8)) {
					sequences.add(key);
					defaultCount++;
				}
			}
			int[] sorted = sequences.toSortedDistinctArray();
			long[] variantGlyphs = glyphs.stream().mapToLong(Long::longValue).sorted().toArray();
			return new FontCharacterMap(codePoints, sorted, defaultCount, variantGlyphs);
		}
		catch (IndexOutOfBoundsException | BufferUnderflowException ex) {
			throw new IOException("malformed cmap table in " + path, ex);
		}
	}

	private static void readFormat4(ByteBuffer cmap, int offset, BitSet codePoints) {
		int segCount = Short.toUnsignedInt(cmap.getShort(offset + 6)) / 2;
		int endCodes = offset + 14;
		int startCodes = endCodes + segCount * 2 + 2;
		int idDeltas = startCodes + segCount * 2;
		int idRangeOffsets = idDeltas + segCount * 2;
		for (int s = 0; s < segCount; s++) {
			int end = Short.toUnsignedInt(cmap.getShort(endCodes + s * 2));
			int start = Short.toUnsignedInt(cmap.getShort(startCodes + s * 2));
			int delta = cmap.getShort(idDeltas + s * 2);
			int rangeOffsetAt = idRangeOffsets + s * 2;
			int rangeOffset = Short.toUnsignedInt(cmap.getShort(rangeOffsetAt));
			if (start == 0xFFFF) {
				continue;
			}
			for (int c = start; c <= end; c++) {
				int glyph;
				if (rangeOffset == 0) {
					glyph = (c + delta) & 0xFFFF;
				}
				else {
					glyph = Short.toUnsignedInt(cmap.getShort(rangeOffsetAt + rangeOffset + (c - start) * 2));
					if (glyph != 0) {
						glyph = (glyph + delta) & 0xFFFF;
					}
				}
				if (glyph != 0) {
					codePoints.set(c);
				}
			}
		}
	}

	private static void readFormat12(ByteBuffer cmap, int offset, BitSet codePoints) {
		boolean manyToOne = cmap.getShort(offset) == 13;
		long groups = Integer.toUnsignedLong(cmap.getInt(offset + 12));
		for (long g = 0; g < groups; g++) {
			int group = Math.toIntExact(offset + 16 + g * 12);
			long start = Integer.toUnsignedLong(cmap.getInt(group));
			long end = Math.min(Integer.toUnsignedLong(cmap.getInt(group + 4)), 0x10FFFF);
			long startGlyph = Integer.toUnsignedLong(cmap.getInt(group + 8));
			for (long c = start; c <= end; c++) {
				long glyph = manyToOne ? startGlyph : startGlyph + (c - start);
				if (glyph != 0) {
					codePoints.set((int) c);
				}
			}
		}
	}

	private static void readFormat14(ByteBuffer cmap, int offset, IntList sequences, IntList defaults,
			List<Long> glyphs) {
		long records = Integer.toUnsignedLong(cmap.getInt(offset + 6));
		for (long r = 0; r < records; r++) {
			int record = Math.toIntExact(offset + 10 + r * 11);
			int selector = uint24(cmap, record);
			int index = selectorIndex(selector);
			int defaultOffset = cmap.getInt(record + 3);
			int nonDefaultOffset = cmap.getInt(record + 7);
			if (index < 0) {
				continue;
			}
			if (defaultOffset != 0) {
				int table = offset + defaultOffset;
				long ranges = Integer.toUnsignedLong(cmap.getInt(table));
				for (long i = 0; i < ranges; i++) {
					int range = Math.toIntExact(table + 4 + i * 4);
					int start = uint24(cmap, range);
					int additional = Byte.toUnsignedInt(cmap.get(range + 3));
					for (int base = start; base <= start + additional && base <= 0x10FFFF; base++) {
						defaults.add(key(base, index));
					}
				}
			}
			if (nonDefaultOffset != 0) {
				int table = offset + nonDefaultOffset;
				long mappings = Integer.toUnsignedLong(cmap.getInt(table));
				for (long i = 0; i < mappings; i++) {
					int mapping = Math.toIntExact(table + 4 + i * 5);
					int base = uint24(cmap, mapping);
					int glyph = Short.toUnsignedInt(cmap.getShort(mapping + 3));
					if (glyph != 0 && base <= 0x10FFFF) {
						sequences.add(key(base, index));
						glyphs.add(((long) key(base, index) << 16) | glyph);
					}
				}
			}
		}
	}

	/** 0..15 for U+FE00..U+FE0F, 16..255 for U+E0100..U+E01EF, else -1. */
	static int selectorIndex(int selector) {
		if (selector >= 0xFE00 && selector <= 0xFE0F) {
			return selector - 0xFE00;
		}
		if (selector >= 0xE0100 && selector <= 0xE01EF) {
			return selector - 0xE0100 + 16;
		}
		return -1;
	}

	/** The selector code point of an index {@link #selectorIndex(int)} returned. */
	static int selector(int index) {
		return (index < 16) ? 0xFE00 + index : 0xE0100 + index - 16;
	}

	private static int key(int base, int selectorIndex) {
		return (base << 8) | selectorIndex;
	}

	private static int uint24(ByteBuffer buffer, int at) {
		return (Byte.toUnsignedInt(buffer.get(at)) << 16) | (Byte.toUnsignedInt(buffer.get(at + 1)) << 8)
				| Byte.toUnsignedInt(buffer.get(at + 2));
	}

	private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		long at = position;
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, at);
			if (read < 0) {
				throw new IOException("font file ends early");
			}
			at += read;
		}
		return buffer.flip();
	}

	/** A growable int array: the sequence lists have tens of thousands of entries. */
	private static final class IntList {

		private int[] values = new int[1024];

		private int size;

		void add(int value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		int get(int index) {
			return values[index];
		}

		int size() {
			return size;
		}

		int[] toSortedDistinctArray() {
			int[] sorted = Arrays.copyOf(values, size);
			Arrays.sort(sorted);
			int distinct = 0;
			for (int i = 0; i < sorted.length; i++) {
				if (i == 0 || sorted[i] != sorted[i - 1]) {
					sorted[distinct++] = sorted[i];
				}
			}
			return Arrays.copyOf(sorted, distinct);
		}

	}

}
