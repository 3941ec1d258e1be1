package jp.madoguchi.forms.render;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * A ToUnicode CMap for two-byte glyph codes. PDFBox writes one only for glyphs its cmap
 * lookup reaches, so a glyph reached through a variation sequence (the two-dot 辻) would
 * extract as nothing; this map gives every glyph the text it was printed for, base and
 * variation selector together, so copy and search return the exact name.
 */
final class ToUnicodeMap {

	private static final int PER_BLOCK = 100;

	private ToUnicodeMap() {
	}

	static byte[] of(SortedMap<Integer, String> textByCode) {
		HexFormat hex = HexFormat.of().withUpperCase();
		StringBuilder cmap = new StringBuilder("""
				/CIDInit /ProcSet findresource begin
				12 dict begin
				begincmap
				/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
				/CMapName /Adobe-Identity-UCS def
				/CMapType 2 def
				1 begincodespacerange
				<0000> <FFFF>
				endcodespacerange
				""");
		Map.Entry<?, ?>[] entries = textByCode.entrySet().toArray(Map.Entry[]::new);
		for (int start = 0; start < entries.length; start += PER_BLOCK) {
			int end = Math.min(start + PER_BLOCK, entries.length);
			cmap.append(end - start).append(" beginbfchar\n");
			for (int i = start; i < end; i++) {
				int code = (Integer) entries[i].getKey();
				String text = (String) entries[i].getValue();
				cmap.append('<')
					.append(hex.toHexDigits((short) code))
					.append("> <")
					.append(hex.formatHex(text.getBytes(StandardCharsets.UTF_16BE)))
					.append(">\n");
			}
			cmap.append("endbfchar\n");
		}
		cmap.append("""
				endcmap
				CMapName currentdict /CMap defineresource pop
				end
				end
				""");
		return cmap.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
