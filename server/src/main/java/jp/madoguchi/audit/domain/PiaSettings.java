package jp.madoguchi.audit.domain;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the PIA report and the access alerts count as suspicious.
 *
 * @param opens the counter's opening time (窓口の開庁時刻); reads before it are after hours
 * @param closes the closing time; reads from it on are after hours, as are reads on the
 * city's closed days ({@link jp.madoguchi.text.ClosedDays}: Sundays, holidays, the
 * ordinance's Saturdays and year-end days)
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
public record PiaSettings(@DefaultValue("08:30") LocalTime opens, @DefaultValue("17:15") LocalTime closes,
		@DefaultValue("60") int bulkReads, @DefaultValue("5m") Duration bulkWindow,
		@DefaultValue("5") int failedSignIns, @DefaultValue("15m") Duration failedSignInWindow,
		@DefaultValue("1000") int maxEntries, @DefaultValue("24h") Duration alertWindow,
		@DefaultValue("0 30 3 1 * *") String cron) {

}
