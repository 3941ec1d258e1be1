/**
 * Retention of personal data (保存期間): records are kept for the configured full fiscal
 * years (5 by default) after the fiscal year they date from and then purged by a nightly
 * job, unless they are on legal hold (保存延長). Modules that keep personal data plug in
 * through {@link jp.madoguchi.retention.Purgeable}, store holds as
 * {@link jp.madoguchi.retention.LegalHold} and report rows they deleted along with
 * another module's records as {@link jp.madoguchi.retention.DependentsPurged}. See
 * docs/retention.md.
 */
@ApplicationModule(displayName = "Retention")
@NullMarked
package jp.madoguchi.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
