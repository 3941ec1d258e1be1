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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.residentrecord.domain.transport.CappedBodies;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the resident-record system's lookup API:
 * {@code GET <url>/residents?name=&birthDate=&householdId=&address=} (or
 * {@code ?residentId=…&residentId=…}, or the members of several households at once
 * {@code ?memberOf=…&memberOf=…}) answering a JSON array of {@link Resident}, and
 * {@code GET <url>/sent-ahead?name=&birthDate=&plannedVisitDate=} answering a JSON array
 * of {@link SentAhead} (docs/resident-record.md).
 */
public class HttpResidentRecordLookup implements ResidentRecordLookup {

	private static final TypeReference<List<Resident>> RESIDENTS = new TypeReference<>() {
	};

	private static final TypeReference<List<SentAhead>> SENT_AHEAD = new TypeReference<>() {
	};

	/** Far above the largest household answer; a larger one is not read into memory. */
	static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

	private final URI base;

	private final Duration timeout;

	private final JsonMapper json;

	private final HttpClient client;

	private final LinkSigner signer;

	public HttpResidentRecordLookup(URI base, Duration timeout, JsonMapper json, LinkSigner signer) {
		this.base = base;
		this.timeout = timeout;
		this.json = json;
		this.signer = signer;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public List<Resident> find(ResidentQuery query) {
		StringBuilder uri = path("residents");
		append(uri, "name", query.name());
		append(uri, "birthDate", (query.birthDate() != null) ? query.birthDate().toString() : null);
		append(uri, "householdId", query.householdId());
		append(uri, "address", query.address());
		return get(uri, RESIDENTS);
	}

	@Override
	public List<Resident> findByIds(Collection<String> residentIds) {
		if (residentIds.isEmpty()) {
			return List.of();
		}
		StringBuilder uri = path("residents");
		residentIds.forEach(id -> append(uri, "residentId", id));
		List<Resident> found = get(uri, RESIDENTS);
		// in the order asked, whatever order the answer has
		return residentIds.stream()
			.flatMap(id -> found.stream().filter(r -> id.equals(r.residentId())).limit(1))
			.toList();
	}

	/** One request for all the households, however many. */
	@Override
	public Map<String, List<Resident>> findHouseholds(Collection<String> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		StringBuilder uri = path("residents");
		householdIds.forEach(id -> append(uri, "memberOf", id));
		Map<String, List<Resident>> byHousehold = new HashMap<>();
		for (Resident resident : get(uri, RESIDENTS)) {
			if (resident.householdId() != null) {
				byHousehold.computeIfAbsent(resident.householdId(), h -> new ArrayList<>()).add(resident);
			}
		}
		// by household in the order asked, whatever order the answer has
		Map<String, List<Resident>> found = new LinkedHashMap<>();
		householdIds.stream()
			.filter(byHousehold::containsKey)
			.forEach(id -> found.putIfAbsent(id, List.copyOf(byHousehold.get(id))));
		return found;
	}

	@Override
	public List<SentAhead> findSentAhead(SentAheadQuery query) {
		StringBuilder uri = path("sent-ahead");
		append(uri, "name", query.name());
		append(uri, "birthDate", (query.birthDate() != null) ? query.birthDate().toString() : null);
		append(uri, "plannedVisitDate",
				(query.plannedVisitDate() != null) ? query.plannedVisitDate().toString() : null);
		return get(uri, SENT_AHEAD);
	}

	@Override
	public List<SentAhead> findSentAheadByIds(Collection<String> noticeIds) {
		if (noticeIds.isEmpty()) {
			return List.of();
		}
		StringBuilder uri = path("sent-ahead");
		noticeIds.forEach(id -> append(uri, "noticeId", id));
		List<SentAhead> found = get(uri, SENT_AHEAD);
		return noticeIds.stream().flatMap(id -> found.stream().filter(s -> id.equals(s.noticeId())).limit(1)).toList();
	}

	private StringBuilder path(String resource) {
		return new StringBuilder(base.toString().replaceAll("/+$", "")).append('/').append(resource).append('?');
	}

	private <T> List<T> get(StringBuilder uri, TypeReference<List<T>> type) {
		URI target = URI.create(uri.toString());
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(LinkSigner.HEADER, signer.sign("GET", target, new byte[0]))
			.GET()
			.build();
		try {
			HttpResponse<java.io.InputStream> response = client.send(request,
					HttpResponse.BodyHandlers.ofInputStream());
			String answer = CappedBodies.read(response, MAX_ANSWER_BYTES);
			if (response.statusCode() != 200) {
				throw new LookupUnavailableException("住民記録システムの照会が HTTP " + response.statusCode() + " を返しました。");
			}
			return json.readValue(answer, type);
		}
		catch (CappedBodies.AnswerTooLargeException ex) {
			throw new LookupUnavailableException("住民記録システムの応答が大きすぎるため読みませんでした。", ex);
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
