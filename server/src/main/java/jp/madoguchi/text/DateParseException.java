package jp.madoguchi.text;

/**
 * A date that could not be read, with a Japanese message for staff (the message never
 * contains more of the input than the date itself). Unchecked, so that callers validating
 * a form may catch it where they report findings.
 */
public class DateParseException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String input;

	public DateParseException(String input, String message) {
		super(message);
		this.input = input;
	}

	/** What was typed. */
	public String input() {
		return input;
	}

}
