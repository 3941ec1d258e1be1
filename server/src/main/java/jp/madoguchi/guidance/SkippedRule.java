package jp.madoguchi.guidance;

/**
 * A rule left out of an evaluation because it could not be compiled or evaluated.
 *
 * @param procedureCode the procedure the rule belongs to
 * @param ruleId the rule version's id
 * @param line 1-based line of the error in the rule text, 0 when not a syntax error
 * @param column 1-based column, 0 when not a syntax error
 * @param reason why, in Japanese
 */
public record SkippedRule(String procedureCode, String ruleId, int line, int column, String reason) {
}
