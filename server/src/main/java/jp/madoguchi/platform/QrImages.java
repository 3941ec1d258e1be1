package jp.madoguchi.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Draws a payload as a QR code. The payload uses only {@code 0-9A-Z}, so the encoder
 * picks alphanumeric mode; level M survives a scratched phone screen; the quiet zone is
 * the standard four modules.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class QrImages {

	static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

	/**
	 * The most characters one code carries: QR version 22 at level M (105 modules), which
	 * a phone screen shows and a cheap reader reads; a longer payload is split (the
	 * pre-application codec's parts).
	 */
	public static final int MAX_CHARS_PER_CODE = 1134;

	private static final int PIXELS_PER_MODULE = 6;

	/** The eight data masks of ISO/IEC 18004. */
	private static final int MASK_PATTERNS = 8;

	private static final Logger log = LoggerFactory.getLogger(QrImages.class);

	/**
	 * A {@code data:image/png;base64,…} URL of the payload's QR code, checked to read
	 * back.
	 */
	public String pngDataUrl(String payload) {
		try {
			BufferedImage image = readableImage(payload);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The payload does not fit a QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The code in the encoder's own mask, or else in the first mask a reader decodes back
	 * to the payload. The encoder picks the mask by the standard's penalty score alone,
	 * and about three codes in a hundred of our size then hide a finder pattern from
	 * ZXing's detector (the reader most phone apps build on); another mask draws the same
	 * data differently.
	 */
	public BufferedImage image(String payload) {
		try {
			return readableImage(payload);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The payload does not fit a QR code", ex);
		}
	}

	private BufferedImage readableImage(String payload) throws WriterException {
		BufferedImage chosen = draw(encode(payload, null));
		if (readsBack(chosen, payload)) {
			return chosen;
		}
		for (int mask = 0; mask < MASK_PATTERNS; mask++) {
			BufferedImage candidate = draw(encode(payload, mask));
			if (readsBack(candidate, payload)) {
				return candidate;
			}
		}
		log.warn("No mask of a QR code of {} characters read back; the encoder's choice is used", payload.length());
		return chosen;
	}

	private static BitMatrix encode(String payload, Integer mask) throws WriterException {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, LEVEL);
		hints.put(EncodeHintType.MARGIN, 4);
		if (mask != null) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
	}

	private static BufferedImage draw(BitMatrix modules) {
		int size = modules.getWidth() * PIXELS_PER_MODULE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				boolean dark = modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
				image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		return image;
	}

	static boolean readsBack(BufferedImage image, String payload) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		try {
			return payload.equals(new QRCodeReader().decode(bitmap).getText());
		}
		catch (ReaderException ex) {
			return false;
		}
	}

	/**
	 * The QR version (1–40) the payload needs at level M: a phone shows up to about 25
	 * well.
	 */
	public static int version(String payload) {
		try {
			return Encoder.encode(payload, LEVEL).getVersion().getVersionNumber();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("The payload does not fit a QR code", ex);
		}
	}

}
