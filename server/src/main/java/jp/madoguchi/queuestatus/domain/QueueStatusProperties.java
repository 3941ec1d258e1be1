package jp.madoguchi.queuestatus.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code madoguchi.queue-status.*}.
 *
 * @param pushUrl counter side: the public site's address the status is pushed to (https);
 * empty: nothing is pushed (in a process of role {@code all} the status goes straight to
 * the public pages of the same process)
 * @param publicUrl the public site's address residents use, printed in the QR code of the
 * 受付票; empty: the push address (or, in role {@code all}, the address of the request)
 * @param interval how often the counter side pushes besides every call
 * @param staleAfter how old the status may be before the public pages say it is not
 * current
 * @param allowPlainHttp lets the push use http: tests only
 */
@ConfigurationProperties("madoguchi.queue-status")
public record QueueStatusProperties(@DefaultValue("") String pushUrl, @DefaultValue("") String publicUrl,
		@DefaultValue("5s") Duration interval, @DefaultValue("60s") Duration staleAfter,
		@DefaultValue("false") boolean allowPlainHttp) {
}
