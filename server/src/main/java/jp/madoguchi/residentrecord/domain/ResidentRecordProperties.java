package jp.madoguchi.residentrecord.domain;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code madoguchi.resident-record.*}: how accepted notifications reach the
 * resident-record system. With {@code mode=off} (the default) deliveries are still
 * recorded and wait, so nothing is lost while the link is being set up.
 *
 * @param mode {@code off}, {@code file}, {@code http} or {@code training} (training mode
 * only: recorded and acknowledged at once, sent nowhere)
 * @param pollInterval how often a worker looks for due deliveries and acknowledgements
 * @param batchSize deliveries one worker claims at a time
 * @param lease how long a claimed delivery stays with its worker; after that (the worker
 * crashed) another worker takes it over. Longer than the HTTP timeout.
 * @param maxAttempts attempts before a delivery goes to the dead-letter list (DEAD)
 * @param backoffInitial wait after the first failure; doubled after each further one
 * @param backoffMax the longest wait between attempts
 * @param characters which characters the target keeps
 * @param allowPlainHttp allow {@code http://} URLs for the link and the lookup: for tests
 * and the simulator only; the default requires https, since documents carry My Numbers
 */
@ConfigurationProperties("madoguchi.resident-record")
public record ResidentRecordProperties(@DefaultValue("off") String mode, @DefaultValue File file,
		@DefaultValue Http http, @DefaultValue Lookup lookup, @DefaultValue Characters characters,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("10") int batchSize,
		@DefaultValue("2m") Duration lease, @DefaultValue("10") int maxAttempts,
		@DefaultValue("5s") Duration backoffInitial, @DefaultValue("10m") Duration backoffMax,
		@DefaultValue("false") boolean allowPlainHttp) {

	/**
	 * Refuses to start with a URL that would send personal data in the clear.
	 * @throws IllegalStateException naming the property
	 */
	public URI secure(URI url, String property) {
		String scheme = (url.getScheme() == null) ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
		if (scheme.equals("https") || (scheme.equals("http") && allowPlainHttp)) {
			return url;
		}
		throw new IllegalStateException(property + " must be an https URL, not " + url
				+ " (documents and lookups carry My Numbers and names; madoguchi.resident-record.allow-plain-http=true"
				+ " allows http for tests and the simulator only)");
	}

	public boolean fileMode() {
		return "file".equalsIgnoreCase(mode);
	}

	public boolean httpMode() {
		return "http".equalsIgnoreCase(mode);
	}

	/**
	 * @param outbox the directory the resident-record system reads
	 * @param format {@code json} (the document) or {@code csv} (the variant for older
	 * systems: one row per person, variation sequences degenerated and reported)
	 * @param csvCharset the CSV's encoding, e.g. {@code windows-31j} (Shift_JIS) or
	 * {@code UTF-8}
	 */
	public record File(@Nullable Path outbox, @DefaultValue("json") String format,
			@DefaultValue("windows-31j") String csvCharset) {

		public boolean csv() {
			return "csv".equalsIgnoreCase(format);
		}

	}

	/**
	 * @param url where documents are POSTed
	 * @param connectTimeout giving up on connecting
	 * @param requestTimeout giving up on an endpoint that accepted the connection but
	 * hangs
	 * @param breakerFailures consecutive failures that open the circuit breaker
	 * @param breakerOpenFor how long an open breaker stops attempts before one trial call
	 */
	public record Http(@Nullable URI url, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration requestTimeout, @DefaultValue("5") int breakerFailures,
			@DefaultValue("30s") Duration breakerOpenFor) {
	}

	/**
	 * @param url base URL of the resident-record lookup API ({@code GET url/residents})
	 * @param snapshot a resident snapshot file exported by the city (JSON lines); used
	 * when no URL is set
	 * @param timeout of a lookup request
	 */
	public record Lookup(@Nullable URI url, @Nullable Path snapshot, @DefaultValue("10s") Duration timeout) {
	}

	/**
	 * Which characters the target keeps; staff choose a replacement for every other one
	 * before acceptance.
	 *
	 * @param repertoire {@code auto} (the CSV: {@code jis-x-0208}, else {@code unicode}),
	 * {@code unicode}, {@code charset} (whatever the CSV charset encodes),
	 * {@code jis-x-0208} or {@code jis-x-0213}
	 * @param variationSequences whether the target keeps Ideographic Variation Sequences;
	 * unset: not the CSV, yes the others
	 * @param degenerationMap a city's own degeneration map (same format as the shipped
	 * one); its lines come first
	 * @param replaceShippedMap use the city's map alone
	 */
	public record Characters(@DefaultValue("auto") String repertoire, @Nullable Boolean variationSequences,
			@Nullable Path degenerationMap, @DefaultValue("false") boolean replaceShippedMap) {
	}

}
