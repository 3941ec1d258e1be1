package jp.madoguchi.retention.domain;

/**
 * @param recordsYears full fiscal years personal records are kept after the fiscal year
 * they date from (5 by default)
 * @param auditYears the same for audit events
 * @param fiscalYearStartMonth the month a fiscal year starts (4 = April)
 */
public record RetentionSettings(int recordsYears, int auditYears, int fiscalYearStartMonth) {

}
