package jp.madoguchi.audit.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the PIA report and the access alerts count as suspicious.
 *
 * <p>
 * Counter hours are not settings: they come from the opening-hours master
 * ({@link jp.madoguchi.text.OpeningHours}, the admin module's page and API), and the
 * city's closed days ({@link jp.madoguchi.text.ClosedDays}) are outside hours all day.
 * The former settings {@code opens}/{@code closes} are gone.
 *
 * @param bulkReads this many personal-data reads by one user ...
 * @param bulkWindow ... within this time are a bulk read
 * @param failedSignIns this many failed sign-ins from one address ...
 * @param failedSignInWindow ... within this time are an attack on the sign-in
 * @param maxEntries entries kept per section (the rest is counted, and the audit search
 * finds them); bounds the report's memory
 * @param alertWindow the alerts look back this far
 * @param cron the scheduled monthly run (the previous month, into
 * {@code <data-dir>/reports}); {@code -} switches it off
 */
@ConfigurationProperties("madoguchi.audit.pia")
public record PiaSettings(@DefaultValue("60") int bulkReads, @DefaultValue("5m") Duration bulkWindow,
		@DefaultValue("5") int failedSignIns, @DefaultValue("15m") Duration failedSignInWindow,
		@DefaultValue("1000") int maxEntries, @DefaultValue("24h") Duration alertWindow,
		@DefaultValue("0 30 3 1 * *") String cron) {

}
