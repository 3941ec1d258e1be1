package jp.madoguchi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps training and production apart before anything starts:
 * <ul>
 * <li>training mode starts only on an empty or new data directory (which it marks with
 * the file {@value TrainingMode#MARKER}) or on one already marked — never on the city's
 * production data;</li>
 * <li>a marked directory starts only in training mode, so practice data never appears
 * without the 研修 marks;</li>
 * <li>in training mode nothing reaches the city's systems: no external database, no
 * resident-record API, deliveries only recorded ({@code resident-record.mode=training})
 * and a training printer unless printers are configured (all printing goes to PDFs in
 * {@code <data-dir>/printed} anyway).</li>
 * </ul>
 * Each refusal stops the start with a message that says what to do.
 */
public class TrainingEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String MARKER_TEXT = """
			このデータディレクトリは研修用です（窓口 研修モード）。
			本番のデータをここに置かないでください。bin/start --training --reset で初期状態に戻ります。
			This data directory belongs to a Madoguchi training instance.
			""";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean training = environment.getProperty(TrainingMode.PROPERTY, Boolean.class, false);
		Path dataDir = Path.of(environment.getProperty("madoguchi.data-dir", "./data"));
		prepare(dataDir, training);
		if (!training) {
			return;
		}
		refuseIfSet(environment, "spring.datasource.url", "外部のデータベース");
		refuseIfSet(environment, "madoguchi.resident-record.lookup.url", "住民記録システムの照会API");
		String mode = environment.getProperty("madoguchi.resident-record.mode", "training");
		if (!mode.equalsIgnoreCase("training") && !mode.equalsIgnoreCase("off")) {
			throw new TrainingRefused("研修モードでは住民記録への送信先を設定できません（madoguchi.resident-record.mode=" + mode
					+ "）。研修では送信は記録だけされます。設定を外してください。");
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("madoguchiTraining", Map.of("madoguchi.resident-record.mode", "training")));
		if (environment.getProperty("madoguchi.printers.training.uri") == null) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("madoguchiTrainingDefaults",
						Map.of("madoguchi.printers.training.uri", "ipp://training.invalid/pdf")));
		}
	}

	private static void refuseIfSet(ConfigurableEnvironment environment, String property, String what) {
		String value = environment.getProperty(property);
		if (value != null && !value.isBlank()) {
			throw new TrainingRefused("研修モードでは" + what + "を使えません（" + property + "=" + value
					+ "）。研修は専用のデータディレクトリの組み込みデータベースと模擬の住民記録で動きます。設定を外してください。");
		}
	}

	/**
	 * Checks the data directory against the mode and marks a new training directory.
	 * @throws TrainingRefused when training would start on unmarked data, or production
	 * on a training directory
	 */
	static void prepare(Path dataDir, boolean training) {
		Path marker = dataDir.resolve(TrainingMode.MARKER);
		boolean marked = Files.isRegularFile(marker);
		if (!training) {
			if (marked) {
				throw new TrainingRefused(dataDir.toAbsolutePath().normalize() + " は研修用のデータディレクトリです（"
						+ TrainingMode.MARKER
						+ " ファイルがあります）。研修モード（bin/start --training、madoguchi.training=true）で起動してください。本番には別のデータディレクトリを使います。");
			}
			return;
		}
		if (marked) {
			return;
		}
		if (holdsAnything(dataDir)) {
			throw new TrainingRefused("研修モードを開始できません: " + dataDir.toAbsolutePath().normalize() + " にはすでにデータがあり、研修用の印（"
					+ TrainingMode.MARKER
					+ " ファイル）がありません。本番のデータで研修を始めることはできません。研修用の空のデータディレクトリを指定してください（bin/start --training は既定で ./data-training を使います）。");
		}
		try {
			PrivateFiles.createDirectories(dataDir);
			PrivateFiles.writeAtomically(marker, MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot mark " + dataDir + " as a training data directory", ex);
		}
	}

	/** A start refused to keep training and production apart; says what to do. */
	static final class TrainingRefused extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		TrainingRefused(String message) {
			super(message);
		}

	}

	private static boolean holdsAnything(Path dataDir) {
		if (!Files.isDirectory(dataDir)) {
			return Files.exists(dataDir);
		}
		try (Stream<Path> entries = Files.list(dataDir)) {
			return entries.findAny().isPresent();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + dataDir, ex);
		}
	}

}
