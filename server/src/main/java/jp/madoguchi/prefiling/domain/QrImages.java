package jp.madoguchi.prefiling.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;

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
	 * a phone screen shows and a cheap reader reads; a longer payload is split
	 * ({@link jp.madoguchi.prefiling.codec.PayloadParts}).
	 */
	public static final int MAX_CHARS_PER_CODE = 1134;

	private static final int PIXELS_PER_MODULE = 6;

	/** A {@code data:image/png;base64,…} URL of the payload's QR code. */
	public String pngDataUrl(String payload) {
		try {
			BitMatrix modules = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, LEVEL, EncodeHintType.MARGIN, 4));
			int size = modules.getWidth() * PIXELS_PER_MODULE;
			BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					boolean dark = modules.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
					image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
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
