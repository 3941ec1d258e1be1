package jp.madoguchi.card.emulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import jp.madoguchi.card.ResidenceCardReader;
import jp.madoguchi.card.Tlv;

/**
 * Lays a {@link ResidenceProfile} out in the files of the residence card and signs it
 * with the test issuer ({@code test-issuer-key.der}, whose certificate is
 * {@code card/profiles/test-issuer.pem}: a key for tests and training only, not the
 * Immigration Services Agency's).
 */
public final class ResidenceCardLayout {

	private static final String ISSUER_KEY = "test-issuer-key.der";

	private static final String ISSUER_CERTIFICATE = "test-issuer.pem";

	/** The second generation's test issuer: ECDSA P-384. */
	private static final String ECDSA_ISSUER_KEY = "test-issuer-ecdsa-key.der";

	private static final String ECDSA_ISSUER_CERTIFICATE = "test-issuer-ecdsa.pem";

	private ResidenceCardLayout() {
	}

	static ResidenceCardChip chip(byte[] atr, boolean special, ResidenceProfile profile) {
		Map<Integer, byte[]> mf = new LinkedHashMap<>();
		mf.put(0x0001, new Tlv(0xC0, ascii("0001")).encode());
		mf.put(0x0002, new Tlv(0xC1, ascii(special ? "2" : "1")).encode());

		byte[] front = frontImage(special, profile);
		byte[] photo = Photos.jpeg2000(Photos.RESIDENCE);
		byte[] face = cardFace(profile);
		Map<Integer, byte[]> df1 = new LinkedHashMap<>();
		df1.put(0x0001, new Tlv(0xD0, front).encode());
		df1.put(0x0002, new Tlv(0xD1, photo).encode());
		if (!Boolean.FALSE.equals(profile.cardFace())) {
			df1.put(0x0003, face);
		}

		Map<Integer, byte[]> df2 = new LinkedHashMap<>();
		List<Tlv> addresses = new ArrayList<>();
		for (ResidenceProfile.AddressEntry entry : (profile.addresses() != null) ? profile.addresses()
				: List.<ResidenceProfile.AddressEntry>of()) {
			addresses.add(new Tlv(0xD2, ascii(entry.recordedOn().replace("-", ""))));
			addresses.add(new Tlv(0xD3, ascii(entry.municipalityCode())));
			addresses.add(new Tlv(0xD4, utf8(entry.address())));
		}
		df2.put(0x0001, Tlv.encodeAll(addresses));
		df2.put(0x0002, new Tlv(0xD5, utf8(orEmpty(profile.comprehensivePermission()))).encode());
		df2.put(0x0003, new Tlv(0xD6, utf8(orEmpty(profile.individualPermission()))).encode());
		df2.put(0x0004,
				new Tlv(0xD7, ascii((profile.pendingApplication() != null) ? profile.pendingApplication() : "0"))
					.encode());

		Map<Integer, byte[]> df3 = new LinkedHashMap<>();
		byte[] signedFace = Boolean.FALSE.equals(profile.cardFace()) ? new byte[0] : face;
		boolean ecdsa = "ECDSA".equals(profile.signatureAlgorithm());
		byte[] checkCode;
		if (Boolean.FALSE.equals(profile.signed())) {
			checkCode = new byte[0];
		}
		else if (ecdsa) {
			checkCode = signEcdsa(ResidenceCardReader.signedData(profile.cardNumber(), front, photo, signedFace));
		}
		else {
			checkCode = sign(ResidenceCardReader.signedDigest(profile.cardNumber(), front, photo, signedFace));
		}
		df3.put(0x0001, Tlv.encodeAll(List.of(new Tlv(0xDA, checkCode),
				new Tlv(0xDB, certificate(ecdsa ? ECDSA_ISSUER_CERTIFICATE : ISSUER_CERTIFICATE)))));
		if (Boolean.TRUE.equals(profile.tampered())) {
			// A forger's change after issue: another name on the card, the signature as
			// issued.
			if (!df1.containsKey(0x0003)) {
				throw new IllegalArgumentException("\"tampered\" needs the card-face file (cardFace true)");
			}
			df1.put(0x0003, cardFace(profile, "FORGED NAME"));
		}

		return new ResidenceCardChip(atr, profile.cardNumber(), mf,
				List.of(new ResidenceCardChip.Application(ResidenceCardReader.DF1, df1),
						new ResidenceCardChip.Application(ResidenceCardReader.DF2, df2),
						new ResidenceCardChip.Application(ResidenceCardReader.DF3, df3)));
	}

	/** The test issuer's public key (what the agent is configured with in tests). */
	public static PublicKey testIssuerKey() {
		try (InputStream in = resource(ISSUER_CERTIFICATE)) {
			return CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Madoguchi's approximation of the card-face items as text (DF1/EF03). */
	private static byte[] cardFace(ResidenceProfile profile) {
		return cardFace(profile, profile.nameAlphabet());
	}

	private static byte[] cardFace(ResidenceProfile profile, String nameAlphabet) {
		List<Tlv> items = new ArrayList<>();
		item(items, 0xE1, nameAlphabet);
		item(items, 0xE2, profile.nameKanji());
		item(items, 0xE3, date(profile.birthDate()));
		item(items, 0xE4, profile.sex());
		item(items, 0xE5, profile.nationality());
		item(items, 0xE6, profile.residenceStatus());
		item(items, 0xE7, profile.periodOfStay());
		item(items, 0xE8, date(profile.periodOfStayEndsOn()));
		item(items, 0xE9, profile.permissionType());
		item(items, 0xEA, date(profile.permittedOn()));
		item(items, 0xEB, date(profile.issuedOn()));
		item(items, 0xEC, date(profile.expiresOn()));
		item(items, 0xED, profile.workRestriction());
		return Tlv.encodeAll(items);
	}

	private static void item(List<Tlv> items, int tag, String value) {
		if (value != null && !value.isEmpty()) {
			items.add(new Tlv(tag, utf8(value)));
		}
	}

	private static String date(String iso) {
		return (iso == null) ? null : iso.replace("-", "");
	}

	/**
	 * The front of the card as an MMR (CCITT T.6) compressed bilevel TIFF, as the card
	 * stores it: the Latin-script items only (the emulator needs no Japanese font).
	 */
	static byte[] frontImage(boolean special, ResidenceProfile profile) {
		BufferedImage image = new BufferedImage(640, 404, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, 640, 404);
			g.setColor(Color.BLACK);
			g.drawRect(4, 4, 631, 395);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
			g.drawString(special ? "SPECIAL PERMANENT RESIDENT CERTIFICATE" : "RESIDENCE CARD", 24, 40);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
			g.drawString("No. " + profile.cardNumber(), 400, 76);
			g.drawString("NAME  " + orEmpty(profile.nameAlphabet()), 24, 110);
			g.drawString("DATE OF BIRTH  " + orEmpty(profile.birthDate()), 24, 150);
			if (profile.periodOfStayEndsOn() != null) {
				g.drawString("PERIOD OF STAY UNTIL  " + profile.periodOfStayEndsOn(), 24, 190);
			}
			g.drawString("VALID UNTIL  " + orEmpty(profile.expiresOn()), 24, 370);
			g.drawRect(470, 120, 140, 180); // where the photo is printed
		}
		catch (RuntimeException ex) {
			// No font at all on this machine: the frame is image enough for a test card.
		}
		finally {
			g.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("TIFF").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionType("CCITT T.6");
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] sign(byte[] digest) {
		try (InputStream in = resource(ISSUER_KEY)) {
			PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(in.readAllBytes()));
			Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
			rsa.init(Cipher.ENCRYPT_MODE, key);
			return rsa.doFinal(digest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The second generation's signature: ECDSA P-384 with SHA-384, r ‖ s (Madoguchi's
	 * approximation of the encoding, docs/card-agent.md).
	 */
	private static byte[] signEcdsa(byte[] data) {
		try (InputStream in = resource(ECDSA_ISSUER_KEY)) {
			PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(in.readAllBytes()));
			Signature signer = Signature.getInstance("SHA384withECDSAinP1363Format");
			signer.initSign(key);
			signer.update(data);
			return signer.sign();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The second generation's test issuer's public key (EC P-384). */
	public static PublicKey testEcdsaIssuerKey() {
		try (InputStream in = resource(ECDSA_ISSUER_CERTIFICATE)) {
			return CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] certificate(String name) {
		try (InputStream in = resource(name)) {
			return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getEncoded();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InputStream resource(String name) {
		InputStream in = ResidenceCardLayout.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is missing from the emulator");
		}
		return in;
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
