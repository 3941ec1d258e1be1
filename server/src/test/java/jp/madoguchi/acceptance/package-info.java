/**
 * The acceptance report (issue 24): {@link jp.madoguchi.acceptance.TestReportWriter}
 * writes the テスト結果報告書 from docs/requirements.md and the Surefire/Failsafe reports; run by
 * {@code bin/test-report}. Test code only: nothing here ships in the jar.
 */
package jp.madoguchi.acceptance;
