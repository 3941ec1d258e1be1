package jp.madoguchi.residentrecord.domain.lookup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the resident-record system's lookup API:
 * {@code GET <url>/residents?name=&birthDate=&householdId=} answering a JSON array of
 * {@link Resident} (docs/resident-record.md).
 */
public class HttpResidentRecordLookup implements ResidentRecordLookup {

	private static final TypeReference<List<Resident>> RESIDENTS = new TypeReference<>() {
	};

	private final URI base;

	private final Duration timeout;

	private final JsonMapper json;

	private final HttpClient client;

	public HttpResidentRecordLookup(URI base, Duration timeout, JsonMapper json) {
		this.base = base;
		this.timeout = timeout;
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public List<Resident> find(ResidentQuery query) {
		StringBuilder uri = new StringBuilder(base.toString().replaceAll("/+$", "")).append("/residents?");
		append(uri, "name", query.name());
		append(uri, "birthDate", (query.birthDate() != null) ? query.birthDate().toString() : null);
		append(uri, "householdId", query.householdId());
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
			.timeout(timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new LookupUnavailableException("住民記録システムの照会が HTTP " + response.statusCode() + " を返しました。");
			}
			return json.readValue(response.body(), RESIDENTS);
		}
		catch (HttpTimeoutException ex) {
			throw new LookupUnavailableException("住民記録システムが " + timeout.toSeconds() + " 秒以内に応答しませんでした。", ex);
		}
		catch (IOException ex) {
			throw new LookupUnavailableException("住民記録システムに接続できません。", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LookupUnavailableException("照会が中断されました。", ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof LookupUnavailableException) {
				throw ex;
			}
			throw new LookupUnavailableException("住民記録システムの応答を読めません。", ex);
		}
	}

	@Override
	public String source() {
		return base.toString();
	}

	private static void append(StringBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			if (uri.charAt(uri.length() - 1) != '?') {
				uri.append('&');
			}
			uri.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

}
