package jp.madoguchi.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.0 over a socket bound to a chosen local address, so that the server sees the
 * request come from that address (127.0.0.1 or another loopback address on Linux): a
 * trusted proxy and an untrusted client in one test.
 */
final class RawHttp {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String from;

	private final int port;

	RawHttp(String from, int port) {
		this.from = from;
		this.port = port;
	}

	Response get(String target, Map<String, String> headers) throws IOException {
		return exchange("GET " + target, headers, "");
	}

	Response postForm(String target, Map<String, String> headers, String form) throws IOException {
		Map<String, String> all = new java.util.LinkedHashMap<>(headers);
		all.put("Content-Type", "application/x-www-form-urlencoded");
		return exchange("POST " + target, all, form);
	}

	private Response exchange(String requestLine, Map<String, String> headers, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\n");
		request.append("Host: 127.0.0.1:").append(port).append("\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (content.length > 0) {
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			return Response.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	record Response(int status, List<String[]> headers, String body) {

		static Response parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(new String[] { lines[i].substring(0, colon), lines[i].substring(colon + 1).strip() });
			}
			return new Response(status, headers, raw.substring(end + 4));
		}

		List<String> all(String name) {
			return headers.stream().filter((h) -> h[0].equalsIgnoreCase(name)).map((h) -> h[1]).toList();
		}

		/** The {@code Set-Cookie} header of the named cookie. */
		String setCookie(String cookie) {
			return all("Set-Cookie").stream()
				.filter((value) -> value.startsWith(cookie + "="))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no cookie " + cookie + " in " + all("Set-Cookie")));
		}

		/** {@code name=value} of the named cookie, for the next request. */
		String cookie(String cookie) {
			return setCookie(cookie).split(";")[0];
		}

		String csrf() {
			Matcher matcher = CSRF_INPUT.matcher(body);
			if (!matcher.find()) {
				throw new AssertionError("no CSRF field in " + body);
			}
			return matcher.group(1);
		}

		static boolean isSecure(String setCookie) {
			for (String attribute : setCookie.split(";")) {
				if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
					return true;
				}
			}
			return false;
		}

	}

}
