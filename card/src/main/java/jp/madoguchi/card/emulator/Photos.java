package jp.madoguchi.card.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The face photos the emulator puts on its cards: real JPEG 2000 files (lossless, made
 * with OpenJPEG's {@code opj_compress} from the PNG of the same name, a drawn fictional
 * face, not a person), so that a reader and the agent decode a real image.
 */
public final class Photos {

	/** 48 × 60, 8-bit grey, under the licence's 2000 bytes. */
	public static final String LICENCE = "licence-face.jp2";

	/** 60 × 75, 8-bit grey. */
	public static final String RESIDENCE = "residence-face.jp2";

	private Photos() {
	}

	/** The JPEG 2000 file {@code name}. */
	public static byte[] jpeg2000(String name) {
		return resource(name);
	}

	/**
	 * The PNG the JPEG 2000 file {@code name} was made from: what a lossless decoder must
	 * give back, pixel for pixel.
	 */
	public static byte[] original(String name) {
		return resource(name.replace(".jp2", ".png"));
	}

	private static byte[] resource(String name) {
		if (!name.matches("[a-z-]+\\.(jp2|png)")) {
			throw new IllegalArgumentException("No such photo: " + name);
		}
		try (InputStream in = Photos.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("No such photo: " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
