package jp.madoguchi.cardagent;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Converts the cards' face photos (JPEG 2000, which the JDK cannot decode) to PNG with
 * OpenJPEG's {@code opj_decompress} (Debian {@code libopenjp2-tools}; OpenJPEG's Windows
 * build on a counter terminal), BSD-licensed and a separate program, so no decoder is
 * linked into the agent.
 *
 * <p>
 * The photo is personal data: it is written to a directory only the agent's user may
 * enter, decoded, and the directory deleted again before the answer is sent. A photo that
 * cannot be decoded (no decoder, not JPEG 2000, a broken file) gives no PNG, never an
 * error: the rest of the card is still worth having, and staff look at the card itself.
 */
final class Jpeg2000 {

	private static final Logger LOG = Logger.getLogger(Jpeg2000.class.getName());

	/** The JP2 file format's signature box. */
	private static final byte[] JP2_SIGNATURE = { 0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A,
			(byte) 0x87, 0x0A };

	/** A bare JPEG 2000 codestream starts with SOC and SIZ. */
	private static final byte[] CODESTREAM = { (byte) 0xFF, 0x4F, (byte) 0xFF, 0x51 };

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

	/** Far more than a card photo of a few KB takes. */
	private static final long TIMEOUT_SECONDS = 20;

	private final String decoder;

	/**
	 * @param decoder the {@code opj_decompress} program: a path, or a name found on the
	 * PATH
	 */
	Jpeg2000(String decoder) {
		this.decoder = decoder;
	}

	/** "JPEG2000" for a JP2 file or a codestream, else "". */
	static String format(byte[] image) {
		return (startsWith(image, JP2_SIGNATURE) || startsWith(image, CODESTREAM)) ? "JPEG2000" : "";
	}

	/**
	 * The photo as PNG, or an empty array when it is no JPEG 2000 image or could not be
	 * decoded.
	 */
	byte[] toPng(byte[] image) {
		String suffix = startsWith(image, JP2_SIGNATURE) ? ".jp2" : startsWith(image, CODESTREAM) ? ".j2k" : null;
		if (suffix == null) {
			return new byte[0];
		}
		Path directory = null;
		try {
			directory = privateDirectory();
			Path in = Files.write(directory.resolve("photo" + suffix), image);
			Path out = directory.resolve("photo.png");
			Process process = new ProcessBuilder(this.decoder, "-i", in.toString(), "-o", out.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				LOG.warning("opj_decompress did not finish; the photo is left out");
				return new byte[0];
			}
			if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
				LOG.warning(() -> "opj_decompress failed (exit " + process.exitValue() + "); the photo is left out");
				return new byte[0];
			}
			byte[] png = Files.readAllBytes(out);
			return startsWith(png, PNG_SIGNATURE) ? png : new byte[0];
		}
		catch (IOException ex) {
			// Most often: no opj_decompress where the agent looks for it.
			LOG.warning(() -> "cannot run " + this.decoder + " (" + ex.getClass().getSimpleName()
					+ "); the photo is left out");
			return new byte[0];
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new byte[0];
		}
		finally {
			if (directory != null) {
				delete(directory);
			}
		}
	}

	private static Path privateDirectory() throws IOException {
		try {
			return Files.createTempDirectory("madoguchi-photo",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException ex) {
			// Windows: the temporary directory is under the user's own profile already.
			return Files.createTempDirectory("madoguchi-photo");
		}
	}

	private static void delete(Path directory) {
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			LOG.warning(() -> "cannot delete the photo's temporary directory " + directory);
		}
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
	}

}
