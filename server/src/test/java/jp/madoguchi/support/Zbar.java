package jp.madoguchi.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent QR decoder of the tests: {@code zbarimg} (Debian zbar-tools), run as a
 * process, so that a code our own library draws is read by a different implementation, as
 * a counter's 2D reader would.
 */
public final class Zbar {

	private static final String DATA_URL_PREFIX = "data:image/png;base64,";

	private Zbar() {
	}

	/** The text of every code zbarimg finds in the image, one entry per code. */
	public static List<String> read(Path image) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("zbarimg", "--raw", "-q", image.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("zbarimg did not finish");
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"zbarimg found no code in " + image + " (exit " + process.exitValue() + ")");
		}
		return output.lines().filter(line -> !line.isBlank()).toList();
	}

	/** Reads a {@code data:image/png;base64,…} URL through a temporary file. */
	public static List<String> readDataUrl(String dataUrl) throws IOException, InterruptedException {
		if (!dataUrl.startsWith(DATA_URL_PREFIX)) {
			throw new IllegalArgumentException("Not a PNG data URL");
		}
		Path file = Files.createTempFile("madoguchi-qr-", ".png");
		try {
			Files.write(file, Base64.getDecoder().decode(dataUrl.substring(DATA_URL_PREFIX.length())));
			return read(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
