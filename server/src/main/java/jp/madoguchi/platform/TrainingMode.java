package jp.madoguchi.platform;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Training mode ({@code madoguchi.training=true}, {@code bin/start --training}): an
 * instance for practice on its own data directory, marked by the file {@value #MARKER}.
 * Every page shows a 研修 banner, every form is stamped 研修, printers write PDFs into
 * {@code <data-dir>/printed} and deliveries to the resident record go nowhere.
 * {@link TrainingEnvironmentPostProcessor} refuses to start training on a directory
 * without the marker that holds anything, and a marked directory without training mode.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class TrainingMode {

	/** The setting that switches training mode on. */
	public static final String PROPERTY = "madoguchi.training";

	/** The file that marks a data directory as a training one. */
	public static final String MARKER = "TRAINING";

	/** The stamp on pages and forms. */
	public static final String MARK = "研修";

	private final boolean enabled;

	private final Path dataDir;

	@Autowired
	public TrainingMode(Environment environment, MadoguchiProperties properties) {
		this(environment.getProperty(PROPERTY, Boolean.class, false), properties.dataDir());
	}

	public TrainingMode(boolean enabled, Path dataDir) {
		this.enabled = enabled;
		this.dataDir = dataDir.toAbsolutePath().normalize();
	}

	public boolean enabled() {
		return enabled;
	}

	/** Where the training printer writes its PDFs. */
	public Path printedFolder() {
		return dataDir.resolve("printed");
	}

}
