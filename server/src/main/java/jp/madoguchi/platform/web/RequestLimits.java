package jp.madoguchi.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on requests, per side of the network. The public site takes small JSON only (a
 * household of ten is about 10 KB) and no file uploads; the counter takes larger bodies,
 * and files through {@code spring.servlet.multipart.*}.
 *
 * @param publicBody the largest body a public-site request may carry
 * @param counterBody the largest body of a counter request other than a file upload
 * @param publicRequests requests one client address may make to the public site in
 * {@code publicPeriod} (a burst may use them all at once)
 * @param publicPeriod the period of {@code publicRequests}
 */
@ConfigurationProperties("madoguchi.limits")
record RequestLimits(@DefaultValue("64KB") DataSize publicBody, @DefaultValue("16MB") DataSize counterBody,
		@DefaultValue("120") int publicRequests, @DefaultValue("1m") Duration publicPeriod) {

}
