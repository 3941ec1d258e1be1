package jp.madoguchi.text;

/** Placeholder until the text module lands. */
public final class SearchKeys {

	private SearchKeys() {
	}

	public static String fold(String text) {
		StringBuilder key = new StringBuilder();
		text.codePoints()
			.filter(c -> !Character.isWhitespace(c) && c != 0x3000 && !(c >= 0xE0100 && c <= 0xE01EF))
			.map(c -> (c >= 0x30A1 && c <= 0x30F6) ? c - 0x60 : c)
			.forEach(key::appendCodePoint);
		return key.toString();
	}

}
