package jp.madoguchi.forms.printing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Sides;
import com.hp.jipp.model.Types;
import org.jspecify.annotations.Nullable;

/**
 * IPP over HTTP with jipp's encoding (jipp leaves the transport to the caller): Print-Job
 * and Get-Job-Attributes. {@code ipp://} is HTTP on port 631 unless the URI says
 * otherwise; {@code ipps://} is HTTPS.
 */
class IppClient {

	private static final String IPP = "application/ipp";

	private static final int SERVER_ERROR_SERVICE_UNAVAILABLE = 0x0502;

	private static final int SERVER_ERROR_BUSY = 0x0507;

	/**
	 * About 4 seconds in all with the back-off below; then the job waits for the
	 * background sender rather than holding the request.
	 */
	private static final int BUSY_ATTEMPTS = 5;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The largest answer read from a printer; more is refused, never buffered. */
	private final int maxResponseBytes;

	IppClient(int maxResponseBytes) {
		this.maxResponseBytes = maxResponseBytes;
	}

	/**
	 * Sends {@code pdf} as a new job, printed on one side or both.
	 * @throws IOException when the printer cannot be reached or refuses the job
	 */
	Submitted print(URI printer, String jobName, String user, byte[] pdf, boolean duplex) throws IOException {
		IppPacket request = IppPacket.printJob(printer)
			.putOperationAttributes(Types.requestingUserName.of(user), Types.jobName.of(jobName),
					Types.documentFormat.of("application/pdf"))
			.putJobAttributes(Types.sides.of(duplex ? Sides.twoSidedLongEdge : Sides.oneSided))
			.build();
		IppPacket response = exchangeWhenFree(printer, request, pdf);
		Integer jobId = response.getValue(Tag.jobAttributes, Types.jobId);
		if (jobId == null) {
			throw new IOException("the printer accepted the job but gave no job id");
		}
		return new Submitted(jobId, response.getValue(Tag.jobAttributes, Types.jobState));
	}

	/** The job's state as the printer reports it now. */
	@Nullable JobState state(URI printer, int jobId) throws IOException {
		IppPacket request = IppPacket.getJobAttributes(printer, jobId, Types.jobState)
			.putOperationAttributes(Types.requestingUserName.of("madoguchi"))
			.build();
		return exchange(printer, request, new byte[0]).getValue(Tag.jobAttributes, Types.jobState);
	}

	/**
	 * The printer's own state ({@code idle}, {@code processing}, {@code stopped}) and
	 * reasons (e.g. {@code media-empty}), for the printers page.
	 */
	PrinterStatus status(URI printer) throws IOException {
		IppPacket request = IppPacket.getPrinterAttributes(printer, Types.printerState, Types.printerStateReasons)
			.putOperationAttributes(Types.requestingUserName.of("madoguchi"))
			.build();
		IppPacket response = exchange(printer, request, new byte[0]);
		var state = response.getValue(Tag.printerAttributes, Types.printerState);
		return new PrinterStatus((state != null) ? state.getName() : "unknown",
				List.copyOf(response.getStrings(Tag.printerAttributes, Types.printerStateReasons)));
	}

	/**
	 * Whether the printer prints on both sides ({@code sides-supported} names a two-sided
	 * keyword).
	 */
	boolean supportsDuplex(URI printer) throws IOException {
		IppPacket request = IppPacket.getPrinterAttributes(printer, Types.sidesSupported)
			.putOperationAttributes(Types.requestingUserName.of("madoguchi"))
			.build();
		return exchange(printer, request, new byte[0]).getStrings(Tag.printerAttributes, Types.sidesSupported)
			.stream()
			.anyMatch(side -> side.startsWith("two-sided"));
	}

	/** What a printer says about itself. */
	record PrinterStatus(String state, List<String> reasons) {

	}

	/**
	 * A printer busy with another job answers server-error-busy (often ippeveprinter and
	 * small office printers, which take one job at a time): ask again for a while before
	 * calling the printer unavailable.
	 */
	private IppPacket exchangeWhenFree(URI printer, IppPacket request, byte[] document) throws IOException {
		long wait = 250;
		for (int attempt = 1;; attempt++) {
			try {
				return exchange(printer, request, document);
			}
			catch (BusyException busy) {
				if (attempt >= BUSY_ATTEMPTS) {
					throw busy;
				}
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw busy;
				}
				wait = Math.min(wait * 2, 2000);
			}
		}
	}

	private IppPacket exchange(URI printer, IppPacket request, byte[] document) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(document.length + 512);
		request.write(body);
		body.write(document);
		HttpRequest http = HttpRequest.newBuilder(httpUri(printer))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", IPP)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<InputStream> answer;
		try {
			answer = this.http.send(http, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		byte[] received;
		try (InputStream in = answer.body()) {
			if (answer.statusCode() != 200) {
				throw new IOException("HTTP " + answer.statusCode());
			}
			received = capped(in, answer.headers().firstValueAsLong("Content-Length").orElse(-1));
		}
		IppPacket response = IppPacket.read(new ByteArrayInputStream(received));
		int status = response.getCode();
		if (status == SERVER_ERROR_BUSY || status == SERVER_ERROR_SERVICE_UNAVAILABLE) {
			throw new BusyException("IPP status " + response.getStatus());
		}
		if (status >= 0x0100) {
			throw new IOException("IPP status " + response.getStatus());
		}
		return response;
	}

	/**
	 * The answer's bytes, refused once they pass the cap: a printer (or something posing
	 * as one) cannot make the server hold an unbounded answer in memory.
	 */
	private byte[] capped(InputStream in, long declared) throws IOException {
		if (declared > maxResponseBytes) {
			throw new ResponseTooLargeException(maxResponseBytes);
		}
		byte[] bytes = in.readNBytes(maxResponseBytes + 1);
		if (bytes.length > maxResponseBytes) {
			throw new ResponseTooLargeException(maxResponseBytes);
		}
		return bytes;
	}

	/** A printer's answer larger than the cap. */
	static final class ResponseTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		ResponseTooLargeException(int cap) {
			super("プリンタの応答が上限（" + cap + " バイト）を超えました");
		}

	}

	static URI httpUri(URI printer) {
		String scheme = printer.getScheme();
		boolean secure = "ipps".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
		int port = (printer.getPort() > 0) ? printer.getPort() : (secure ? 443 : 631);
		if ("ipp".equalsIgnoreCase(scheme) && printer.getPort() < 0) {
			port = 631;
		}
		return URI.create((secure ? "https" : "http") + "://" + printer.getHost() + ":" + port
				+ ((printer.getRawPath() != null) ? printer.getRawPath() : "/"));
	}

	/** The printer answered that it is busy or temporarily unavailable. */
	static final class BusyException extends IOException {

		private static final long serialVersionUID = 1L;

		BusyException(String message) {
			super(message);
		}

	}

	/** A job the printer accepted. */
	record Submitted(int jobId, @Nullable JobState state) {

	}

}
