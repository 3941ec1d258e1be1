package jp.madoguchi.residentrecord.domain.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Answers of the resident-record system read up to a limit: an endpoint that streams
 * without end, or a compromised one, cannot fill the server's memory.
 */
public final class CappedBodies {

	private CappedBodies() {
	}

	/** The answer's body as UTF-8 text; the stream is closed either way. */
	public static String read(HttpResponse<InputStream> response, int maxBytes) throws IOException {
		try (InputStream body = response.body()) {
			byte[] bytes = body.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw new AnswerTooLargeException(maxBytes);
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	/** An answer longer than its limit; nothing of it is used. */
	public static final class AnswerTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		AnswerTooLargeException(int maxBytes) {
			super("The answer is larger than " + maxBytes + " bytes");
		}

	}

}
