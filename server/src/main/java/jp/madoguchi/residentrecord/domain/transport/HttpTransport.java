package jp.madoguchi.residentrecord.domain.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Optional;

import jp.madoguchi.platform.LinkSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: the document is POSTed with {@code Idempotency-Key: <deliveryId>}; a 2xx
 * answer is the acknowledgement. The key stays the same across every attempt of a
 * delivery, so a receiver that honours it stores the document once even when an answer
 * was lost and the post is repeated. Timeouts bound a hanging endpoint; the circuit
 * breaker stops hammering a dead one.
 *
 * <p>
 * Answers: 2xx SENT; 408, 425, 429 and 5xx, timeouts and connection failures are retried;
 * any other 4xx means the receiver refused the document as it is (ERROR).
 */
public class HttpTransport implements Transport {

	private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

	private static final int MAX_BODY_CHARS = 500;

	/** An acknowledgement is small; a larger answer is read no further. */
	private static final int MAX_ANSWER_BYTES = 64 * 1024;

	private final URI url;

	private final Duration requestTimeout;

	private final HttpClient client;

	private final CircuitBreaker breaker;

	private final LinkSigner signer;

	public HttpTransport(URI url, Duration connectTimeout, Duration requestTimeout, CircuitBreaker breaker,
			LinkSigner signer) {
		this.url = url;
		this.requestTimeout = requestTimeout;
		this.breaker = breaker;
		this.signer = signer;
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public String channel() {
		return "http";
	}

	@Override
	public boolean answersLater() {
		return false;
	}

	@Override
	public TransportStatus status() {
		return new TransportStatus("http", url.toString(), notReady().orElse(null));
	}

	@Override
	public Optional<String> notReady() {
		if (breaker.state() == CircuitBreaker.State.OPEN) {
			return Optional.of(openMessage());
		}
		return Optional.empty();
	}

	@Override
	public Outcome deliver(DeliveryKey delivery, byte[] document) {
		if (!breaker.tryAcquire()) {
			return Outcome.deferred(openMessage());
		}
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(requestTimeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Idempotency-Key", delivery.id().toString())
			.header(LinkSigner.HEADER, signer.sign("POST", url, document))
			.POST(HttpRequest.BodyPublishers.ofByteArray(document))
			.build();
		try {
			HttpResponse<java.io.InputStream> response = client.send(request,
					HttpResponse.BodyHandlers.ofInputStream());
			int status = response.statusCode();
			String answer = CappedBodies.read(response, MAX_ANSWER_BYTES);
			if (status >= 200 && status < 300) {
				breaker.success();
				return Outcome.acknowledged();
			}
			String body = excerpt(answer);
			if (status == 408 || status == 425 || status == 429 || status >= 500) {
				breaker.failure();
				return Outcome.retry("連携先が HTTP " + status + " を返しました。" + body);
			}
			// The endpoint is alive and answered: the document itself is the problem.
			breaker.success();
			return Outcome.rejected("連携先が受け付けませんでした (HTTP " + status + ")。" + body);
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			breaker.failure();
			return Outcome.retry("連携先 " + url + " に接続できません。");
		}
		catch (HttpTimeoutException ex) {
			breaker.failure();
			return Outcome.retry("連携先が " + requestTimeout.toSeconds() + " 秒以内に応答しませんでした。");
		}
		catch (IOException ex) {
			breaker.failure();
			log.warn("Delivery {} to {} failed: {}", delivery.id(), url, ex.toString());
			return Outcome.retry("連携先との通信に失敗しました: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			breaker.failure();
			return Outcome.retry("送信が中断されました（サーバーの停止）。");
		}
	}

	/** The 2xx answer already was the acknowledgement: nothing waits in DELIVERED. */
	@Override
	public Optional<Outcome> acknowledgement(DeliveryKey delivery) {
		return Optional.empty();
	}

	@Override
	public void prepareRetry(DeliveryKey delivery) {
		// The receiver keys on the delivery id; nothing to clear on this side.
	}

	private String openMessage() {
		String at = (breaker.retryAt() != null)
				? DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo")).format(breaker.retryAt())
				: "";
		return "連携先が続けて失敗したため、送信を一時停止しています（サーキットブレーカー）。" + at + " に再開します。";
	}

	private static String excerpt(String body) {
		String trimmed = body.strip();
		if (trimmed.isEmpty()) {
			return "";
		}
		return " " + ((trimmed.length() > MAX_BODY_CHARS) ? trimmed.substring(0, MAX_BODY_CHARS) + "…" : trimmed);
	}

}
