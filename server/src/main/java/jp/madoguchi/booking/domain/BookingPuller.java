package jp.madoguchi.booking.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.MadoguchiProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The counter's end of the booking link in a split installation (a {@code counter}
 * process with {@code madoguchi.queue-status.push-url}): every
 * {@code madoguchi.booking.link-interval} it pulls the requests the public site took (a
 * signed GET it opens itself; the public site's answer is signed too), decides each in
 * {@code booking.bookings} ({@link BookingService#decide}) and pushes the outcomes, the
 * free places per slot and its name key back (a signed POST). The counter network never
 * accepts a connection from the public side.
 */
@Component
@ConditionalOnProperty(name = "madoguchi.role", havingValue = "counter")
public class BookingPuller {

	private static final Logger log = LoggerFactory.getLogger(BookingPuller.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The public site's default request body limit
	 * ({@code madoguchi.limits.public-body}).
	 */
	static final int PUBLIC_BODY_LIMIT = 64 * 1024;

	private final BookingService bookings;

	private final BookingNameKey nameKey;

	private final LinkSigner signer;

	private final @Nullable URI base;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	/** The highest request sequence decided; the public site keeps nothing up to it. */
	private long through;

	private boolean lastFailed;

	BookingPuller(BookingService bookings, BookingNameKey nameKey, MadoguchiProperties properties,
			@Value("${madoguchi.queue-status.push-url:}") String pushUrl,
			@Value("${madoguchi.queue-status.allow-plain-http:false}") boolean allowPlainHttp, Clock clock) {
		this.bookings = bookings;
		this.nameKey = nameKey;
		this.clock = clock;
		Path keys = properties.dataDir().resolve("keys");
		try {
			this.signer = LinkSigner.inKeyDirectory(keys, BookingLink.KEY_FILE, clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The link key in " + keys + " cannot be read", ex);
		}
		if (pushUrl.isBlank()) {
			this.base = null;
		}
		else {
			URI uri = URI.create(pushUrl.replaceAll("/+$", ""));
			if (!"https".equalsIgnoreCase(uri.getScheme()) && !allowPlainHttp) {
				throw new IllegalStateException("madoguchi.queue-status.push-url must be https (was " + uri + ")");
			}
			this.base = uri;
		}
	}

	@Scheduled(initialDelayString = "${madoguchi.booking.link-interval:2s}",
			fixedDelayString = "${madoguchi.booking.link-interval:2s}")
	void everyInterval() {
		exchange();
	}

	/** One pull, the decisions and the push; answers whether both legs went through. */
	public synchronized boolean exchange() {
		if (base == null) {
			return false;
		}
		try {
			BookingLink.Requests requests = pull();
			List<BookingLink.Outcome> outcomes = new ArrayList<>();
			long decided = through;
			for (BookingLink.Request request : requests.requests()) {
				String name = (request.sealedName() == null) ? null : nameKey.open(request.sealedName()).orElse(null);
				outcomes.add(bookings.decide(request, name));
				decided = Math.max(decided, request.sequence());
			}
			boolean pushed = push(decided, outcomes);
			if (pushed) {
				through = decided;
			}
			report(pushed, pushed ? "" : "push refused");
			return pushed;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			report(false, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return false;
		}
	}

	private BookingLink.Requests pull() throws IOException, InterruptedException {
		String nonce = nonce();
		URI uri = URI.create(base + BookingLink.PATH + "?since=" + through + "&nonce=" + nonce);
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(5))
			.header("Accept", "application/json")
			.header(LinkSigner.HEADER, signer.sign("GET", uri, new byte[0]))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException("pull answered HTTP " + response.statusCode());
		}
		String signature = response.headers().firstValue(LinkSigner.HEADER).orElse(null);
		if (signature == null
				|| !signer.verify(signature, BookingLink.ANSWER, LinkSigner.target(uri), response.body())) {
			throw new IOException("the pull's answer is not signed with the link key");
		}
		BookingLink.Requests requests = BookingLink.STRICT.readValue(response.body(), BookingLink.Requests.class);
		if (!nonce.equals(requests.nonce())) {
			throw new IOException("the pull's answer belongs to another pull");
		}
		return requests;
	}

	private boolean push(long decided, List<BookingLink.Outcome> outcomes) throws IOException, InterruptedException {
		BookingLink.Push push = new BookingLink.Push(nonce(), clock.instant(), decided, nameKey.publicKey(),
				(int) bookings.properties().grace().toMinutes(), bookings.queues(), bookings.days(),
				bookings.openSlots(), outcomes);
		byte[] body = BookingLink.STRICT.writeValueAsBytes(push);
		if (body.length > PUBLIC_BODY_LIMIT) {
			log.warn("The booking push is {} KB, more than the public site takes (64 KB by default): fewer bookable"
					+ " queues, longer slots or fewer days ahead", body.length / 1024);
		}
		URI uri = URI.create(base + BookingLink.PATH);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header(LinkSigner.HEADER, signer.sign("POST", uri, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() / 100 == 2;
	}

	private static String nonce() {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		return HexFormat.of().formatHex(nonce);
	}

	private void report(boolean delivered, String what) {
		if (!delivered && !lastFailed) {
			log.warn("Booking link to {} failed ({}); the public site cannot confirm bookings until it works again",
					base, what);
		}
		else if (delivered && lastFailed) {
			log.info("Booking link to {} works again", base);
		}
		lastFailed = !delivered;
	}

}
