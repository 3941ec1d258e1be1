package jp.madoguchi.address.domain;

import java.util.Map;

import jp.madoguchi.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The refusals of an import; each names the line of the file where it found the problem.
 */
final class ImportProblems {

	/** Stable code of a file that cannot be imported. */
	public static final String INVALID_FILE = "ADDRESS_FILE_INVALID";

	private static final int SHOWN_VALUE_LENGTH = 40;

	private ImportProblems() {
	}

	public static ProblemException atLine(long line, String problem) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_FILE, Map.of("line", line),
				String.valueOf(line), problem)
			.because("atLine");
	}

	/** A refusal of the whole file: {@code problem.ADDRESS_FILE_INVALID.<reason>}. */
	public static ProblemException file(String reason, Object... arguments) {
		return ProblemException.invalid(INVALID_FILE, arguments).because(reason);
	}

	/**
	 * A value quoted for a message, shortened so one broken row cannot flood the page.
	 */
	static String shown(String value) {
		String shortened = (value.length() > SHOWN_VALUE_LENGTH) ? value.substring(0, SHOWN_VALUE_LENGTH) + "…" : value;
		return "「" + shortened + "」";
	}

}
