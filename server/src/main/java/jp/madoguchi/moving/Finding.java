package jp.madoguchi.moving;

/**
 * Something staff must know about a notification: an ERROR blocks acceptance, a WARNING
 * is recorded (e.g. late filing must be reported but is never refused), INFO helps.
 *
 * @param field the JSON path of the item concerned, e.g. {@code persons[1].relationship}
 */
public record Finding(String code, Severity severity, String field, String message) {

	public enum Severity {

		ERROR, WARNING, INFO

	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

}
