package jp.madoguchi.text.font;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.madoguchi.text.Variation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The parts of the cmap reader IPAmj明朝 does not exercise (it has no default-UVS table and
 * no glyph-array segments), on a font file built here byte by byte after the OpenType
 * spec.
 */
class FontCharacterMapTests {

	@TempDir
	Path dir;

	@Test
	void readsFormat4WithAGlyphArrayAndFormat14WithDefaultAndNonDefaultSequences() throws IOException {
		FontCharacterMap map = FontCharacterMap.read(write(font()));
		assertThat(map.covers('A')).isTrue();
		assertThat(map.covers('B')).isTrue();
		assertThat(map.covers('C')).as("glyph array entry 0 means no glyph").isFalse();
		assertThat(map.covers('D')).isTrue();
		assertThat(map.covers('E')).isFalse();
		assertThat(map.covers('A', 0xFE00)).as("default sequence").isTrue();
		assertThat(map.covers('B', 0xFE00)).as("default sequence").isTrue();
		assertThat(map.covers('D', 0xFE00)).as("non-default sequence").isTrue();
		assertThat(map.covers('E', 0xFE00)).as("default sequence on a base without glyph").isFalse();
		assertThat(map.covers('A', 0xFE01)).isFalse();
		assertThat(map.sequenceCount()).isEqualTo(3);
		assertThat(map.defaultSequenceCount()).isEqualTo(2);
	}

	@Test
	void listsTheVariationsOfABaseDefaultAndNonDefaultButNotOnAMissingBase() throws IOException {
		FontCharacterMap map = FontCharacterMap.read(write(font()));
		assertThat(map.variations('A')).containsExactly(new Variation('A', 0xFE00));
		assertThat(map.variations('D')).containsExactly(new Variation('D', 0xFE00));
		assertThat(map.variations('E')).as("a default sequence on a base without glyph").isEmpty();
		assertThat(map.variations('C')).isEmpty();
		assertThat(map.variations(-1)).isEmpty();
		assertThat(map.variations(0x110000)).isEmpty();
	}

	@Test
	void refusesAFileWithoutCmap() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.writeInt(0x00010000);
		out.writeShort(0);
		out.writeShort(0);
		out.writeShort(0);
		out.writeShort(0);
		Path file = write(bytes.toByteArray());
		assertThatIOException().isThrownBy(() -> FontCharacterMap.read(file)).withMessageContaining("no cmap");
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = dir.resolve("test.ttf");
		Files.write(file, bytes);
		return file;
	}

	/**
	 * sfnt header, one table record, then the cmap: (3,1) format 4 and (0,5) format 14.
	 */
	private static byte[] font() throws IOException {
		byte[] cmap = cmap();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.writeInt(0x00010000);
		out.writeShort(1); // numTables
		out.writeShort(16);
		out.writeShort(0);
		out.writeShort(0);
		out.writeInt(0x636D6170); // 'cmap'
		out.writeInt(0); // checksum, not checked
		out.writeInt(12 + 16); // offset
		out.writeInt(cmap.length);
		out.write(cmap);
		return bytes.toByteArray();
	}

	private static byte[] cmap() throws IOException {
		byte[] format4 = format4();
		byte[] format14 = format14();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.writeShort(0);
		out.writeShort(2);
		out.writeShort(3);
		out.writeShort(1);
		out.writeInt(4 + 2 * 8);
		out.writeShort(0);
		out.writeShort(5);
		out.writeInt(4 + 2 * 8 + format4.length);
		out.write(format4);
		out.write(format14);
		return bytes.toByteArray();
	}

	/**
	 * Segments: A..B by delta (glyphs 1, 2); C..D through the glyph array (0, 7); the
	 * end.
	 */
	private static byte[] format4() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		int segCount = 3;
		out.writeShort(4);
		out.writeShort(16 + segCount * 8 + 4); // length
		out.writeShort(0);
		out.writeShort(segCount * 2);
		out.writeShort(4);
		out.writeShort(1);
		out.writeShort(2);
		out.writeShort('B'); // endCode
		out.writeShort('D');
		out.writeShort(0xFFFF);
		out.writeShort(0); // reservedPad
		out.writeShort('A'); // startCode
		out.writeShort('C');
		out.writeShort(0xFFFF);
		out.writeShort(1 - 'A'); // idDelta
		out.writeShort(0);
		out.writeShort(1);
		out.writeShort(0); // idRangeOffset: segment 1 points past the remaining offsets
							// to the array
		out.writeShort(4);
		out.writeShort(0);
		out.writeShort(0); // glyphIdArray: C → 0, D → 7
		out.writeShort(7);
		return bytes.toByteArray();
	}

	/** U+FE00: default for A..B and for E (no base glyph), non-default D → glyph 9. */
	private static byte[] format14() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		int defaultOffset = 10 + 11;
		int nonDefaultOffset = defaultOffset + 4 + 2 * 4;
		out.writeShort(14);
		out.writeInt(nonDefaultOffset + 4 + 5);
		out.writeInt(1);
		writeUint24(out, 0xFE00);
		out.writeInt(defaultOffset);
		out.writeInt(nonDefaultOffset);
		out.writeInt(2);
		writeUint24(out, 'A');
		out.writeByte(1);
		writeUint24(out, 'E');
		out.writeByte(0);
		out.writeInt(1);
		writeUint24(out, 'D');
		out.writeShort(9);
		return bytes.toByteArray();
	}

	private static void writeUint24(DataOutputStream out, int value) throws IOException {
		out.writeByte(value >>> 16);
		out.writeByte(value >>> 8);
		out.writeByte(value);
	}

}
