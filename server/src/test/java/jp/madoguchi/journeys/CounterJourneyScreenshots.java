package jp.madoguchi.journeys;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The screenshots of the counter journey that illustrate the operator manual
 * (docs/manual/システム操作手順書.md), so that it never goes stale: each run writes them to
 * {@code target/journey/screenshots/}; with {@code -Djourney.updateManual=true} they are
 * also copied over the committed set in {@code docs/manual/images/}.
 */
final class CounterJourneyScreenshots {

	static final Path TARGET = Path.of("target", "journey", "screenshots");

	static final Path MANUAL = Path.of("..", "docs", "manual", "images");

	static final String UPDATE_PROPERTY = "journey.updateManual";

	private final List<Path> taken = new ArrayList<>();

	/** Starts a fresh set: the pictures of an earlier run go. */
	CounterJourneyScreenshots() throws IOException {
		if (Files.isDirectory(TARGET)) {
			try (var old = Files.newDirectoryStream(TARGET, "*.png")) {
				for (Path file : old) {
					Files.delete(file);
				}
			}
		}
	}

	/**
	 * Saves what the browser shows as {@code name}.png, RGB and deflated as hard as PNG
	 * allows (the manual's copies stay small).
	 */
	Path take(WebDriver browser, String name) {
		try {
			byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
			BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
			BufferedImage rgb = new BufferedImage(shot.getWidth(), shot.getHeight(), BufferedImage.TYPE_INT_RGB);
			rgb.getGraphics().drawImage(shot, 0, 0, null);
			Files.createDirectories(TARGET);
			Path file = TARGET.resolve(name + ".png");
			Files.deleteIfExists(file);
			ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
			try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
				writer.setOutput(out);
				ImageWriteParam parameters = writer.getDefaultWriteParam();
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(0.0f);
				writer.write(null, new IIOImage(rgb, null, null), parameters);
			}
			finally {
				writer.dispose();
			}
			this.taken.add(file);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Path> taken() {
		return List.copyOf(this.taken);
	}

	/** Copies the set into the manual when asked to; returns whether it did. */
	boolean updateManualIfAsked() throws IOException {
		if (!Boolean.getBoolean(UPDATE_PROPERTY)) {
			return false;
		}
		Files.createDirectories(MANUAL);
		for (Path file : this.taken) {
			Files.copy(file, MANUAL.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		return true;
	}

}
