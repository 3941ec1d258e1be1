package jp.madoguchi.cardagent;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import jp.madoguchi.card.emulator.Photos;

import static org.assertj.core.api.Assertions.assertThat;

/** The real decoder (opj_decompress, Debian libopenjp2-tools; bin/test installs it). */
class Jpeg2000Tests {

	private final Jpeg2000 decoder = new Jpeg2000(CardAgent.Settings.OPJ_DECOMPRESS);

	@Test
	void turnsBothEmulatorPhotosIntoPngsOfTheSamePixels() throws Exception {
		for (String photo : new String[] { Photos.LICENCE, Photos.RESIDENCE }) {
			byte[] jp2 = Photos.jpeg2000(photo);
			assertThat(Jpeg2000.format(jp2)).isEqualTo("JPEG2000");
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(this.decoder.toPng(jp2)));
			BufferedImage original = ImageIO.read(new ByteArrayInputStream(Photos.original(photo)));
			assertThat(decoded.getWidth()).as(photo).isEqualTo(original.getWidth());
			assertThat(decoded.getHeight()).as(photo).isEqualTo(original.getHeight());
			int[] expected = original.getRaster()
				.getPixels(0, 0, original.getWidth(), original.getHeight(), (int[]) null);
			int[] actual = decoded.getRaster().getPixels(0, 0, decoded.getWidth(), decoded.getHeight(), (int[]) null);
			assertThat(actual).as(photo).isEqualTo(expected);
			// Not a blank picture: the drawing has hair, face and background.
			assertThat(Arrays.stream(expected).distinct().count()).isGreaterThan(3);
		}
	}

	@Test
	void leavesNothingBehindInTheTemporaryDirectory() throws Exception {
		Path temp = Path.of(System.getProperty("java.io.tmpdir"));
		long before = photoDirectories(temp);
		this.decoder.toPng(Photos.jpeg2000(Photos.LICENCE));
		assertThat(photoDirectories(temp)).isEqualTo(before);
	}

	@Test
	void givesNoPngForWhatIsNoJpeg2000OrCannotBeDecoded() {
		assertThat(this.decoder.toPng("Madoguchi: no photograph".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(Jpeg2000.format(new byte[] { 1, 2, 3 })).isEmpty();
		byte[] truncated = Arrays.copyOf(Photos.jpeg2000(Photos.LICENCE), 40);
		assertThat(this.decoder.toPng(truncated)).isEmpty();
		assertThat(new Jpeg2000("/nonexistent/opj_decompress").toPng(Photos.jpeg2000(Photos.LICENCE))).isEmpty();
	}

	private static long photoDirectories(Path temp) throws Exception {
		try (var listing = Files.list(temp)) {
			return listing.filter((path) -> path.getFileName().toString().startsWith("madoguchi-photo")).count();
		}
	}

}
