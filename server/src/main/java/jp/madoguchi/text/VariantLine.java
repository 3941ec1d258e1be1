package jp.madoguchi.text;

import java.util.Optional;

/**
 * One line of {@code text/variant-kanji.tsv}: source, tab, target, tab, kind. Lines
 * starting with {@code #} and blank lines carry no pair.
 *
 * @param source the old or variant form, one code point
 * @param target the common form, one code point
 * @param kind 旧字体, 異体字 or 人名慣用 (a name-search convention, not a variant in dictionaries)
 */
record VariantLine(int source, int target, String kind) {

	static Optional<VariantLine> parse(String line) {
		if (line.isBlank() || line.startsWith("#")) {
			return Optional.empty();
		}
		String[] fields = line.split("\t", -1);
		if (fields.length != 3 || fields[0].codePointCount(0, fields[0].length()) != 1
				|| fields[1].codePointCount(0, fields[1].length()) != 1 || fields[2].isBlank()) {
			throw new IllegalArgumentException("malformed variant line: " + line);
		}
		return Optional.of(new VariantLine(fields[0].codePointAt(0), fields[1].codePointAt(0), fields[2]));
	}

}
