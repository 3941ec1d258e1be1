package jp.madoguchi.guidance.rules;

import java.util.ArrayList;
import java.util.List;

/** Splits rule text into tokens that remember their line and column. */
final class Lexer {

	enum Kind {

		WORD, NUMBER, TEXT, SYMBOL, END

	}

	record Token(Kind kind, String text, int line, int column) {

		boolean is(String word) {
			return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(word);
		}

		String shown() {
			return switch (kind) {
				case END -> "ルールの終わり";
				case TEXT -> "\"" + text + "\"";
				default -> "「" + text + "」";
			};
		}

	}

	private final String source;

	private int position;

	private int line = 1;

	private int lineStart;

	private Lexer(String source) {
		this.source = source;
	}

	static List<Token> tokens(String source) {
		return new Lexer(source).all();
	}

	private List<Token> all() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			skipSpaceAndComments();
			if (position >= source.length()) {
				tokens.add(new Token(Kind.END, "", line, column()));
				return tokens;
			}
			tokens.add(next());
		}
	}

	private Token next() {
		int startLine = line;
		int startColumn = column();
		char c = source.charAt(position);
		if (c == '"' || c == '「') {
			return text(c == '"' ? '"' : '」', startLine, startColumn);
		}
		if (isDigit(c)) {
			int start = position;
			while (position < source.length() && isDigit(source.charAt(position))) {
				position++;
			}
			return new Token(Kind.NUMBER, source.substring(start, position), startLine, startColumn);
		}
		if (isWordStart(c)) {
			int start = position;
			while (position < source.length() && isWordPart(source.charAt(position))) {
				position++;
			}
			return new Token(Kind.WORD, source.substring(start, position), startLine, startColumn);
		}
		for (String symbol : new String[] { "!=", "<=", ">=", "=", "<", ">", "(", ")", "," }) {
			if (source.startsWith(symbol, position)) {
				position += symbol.length();
				return new Token(Kind.SYMBOL, symbol, startLine, startColumn);
			}
		}
		throw new RuleSyntaxException(startLine, startColumn,
				"「" + new String(Character.toChars(source.codePointAt(position))) + "」は使えない文字です。");
	}

	private Token text(char close, int startLine, int startColumn) {
		position++;
		StringBuilder text = new StringBuilder();
		while (position < source.length()) {
			char c = source.charAt(position);
			if (c == '\n') {
				break;
			}
			if (c == '\\' && close == '"' && position + 1 < source.length()) {
				text.append(source.charAt(position + 1));
				position += 2;
				continue;
			}
			position++;
			if (c == close) {
				return new Token(Kind.TEXT, text.toString(), startLine, startColumn);
			}
			text.append(c);
		}
		throw new RuleSyntaxException(startLine, startColumn, "文字列が閉じられていません（" + close + " がありません）。");
	}

	private void skipSpaceAndComments() {
		while (position < source.length()) {
			char c = source.charAt(position);
			if (c == '\n') {
				position++;
				line++;
				lineStart = position;
			}
			else if (c == '#') {
				while (position < source.length() && source.charAt(position) != '\n') {
					position++;
				}
			}
			else if (Character.isWhitespace(c) || c == '\u3000') {
				position++;
			}
			else {
				return;
			}
		}
	}

	private int column() {
		return source.codePointCount(lineStart, position) + 1;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isWordStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
	}

	private static boolean isWordPart(char c) {
		return isWordStart(c) || isDigit(c);
	}

}
