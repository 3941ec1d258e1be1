package jp.madoguchi.guidance.rules;

/**
 * A rule the language refuses: where (1-based line and column of the rule text) and why,
 * in Japanese for the administrator who wrote it.
 */
public class RuleSyntaxException extends RuntimeException {

	private final int line;

	private final int column;

	private final String reason;

	public RuleSyntaxException(int line, int column, String reason) {
		super(line + "行目 " + column + "文字目: " + reason);
		this.line = line;
		this.column = column;
		this.reason = reason;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

	public String reason() {
		return reason;
	}

}
