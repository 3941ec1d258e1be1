package jp.madoguchi.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.madoguchi.platform.TrainingEnvironmentPostProcessor.TrainingRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Training mode never starts on production data, production never on a training
 * directory, and in training nothing is configured to reach the city's systems.
 */
class TrainingEnvironmentPostProcessorTests {

	@TempDir
	Path dir;

	final TrainingEnvironmentPostProcessor processor = new TrainingEnvironmentPostProcessor();

	MockEnvironment training(Path dataDir) {
		return new MockEnvironment().withProperty("madoguchi.training", "true")
			.withProperty("madoguchi.data-dir", dataDir.toString());
	}

	@Test
	void aNewDirectoryIsMarkedAsATrainingOne() {
		Path dataDir = dir.resolve("data-training");
		processor.postProcessEnvironment(training(dataDir), new SpringApplication());
		assertThat(dataDir.resolve(TrainingMode.MARKER)).isRegularFile();
		assertThat(dataDir.resolve(TrainingMode.MARKER)).content(StandardCharsets.UTF_8).contains("研修用");
	}

	@Test
	void aMarkedDirectoryStartsAgainInTrainingMode() throws Exception {
		Path dataDir = dir.resolve("data-training");
		processor.postProcessEnvironment(training(dataDir), new SpringApplication());
		Files.createDirectories(dataDir.resolve("postgres"));
		processor.postProcessEnvironment(training(dataDir), new SpringApplication());
		assertThat(dataDir.resolve("postgres")).isDirectory();
	}

	@Test
	void productionDataWithoutTheMarkerIsRefused() throws Exception {
		Path production = Files.createDirectories(dir.resolve("data"));
		Files.createDirectories(production.resolve("postgres"));
		Files.createDirectories(production.resolve("keys"));
		assertThatThrownBy(() -> processor.postProcessEnvironment(training(production), new SpringApplication()))
			.isInstanceOf(TrainingRefused.class)
			.hasMessageContaining("本番のデータで研修を始めることはできません")
			.hasMessageContaining(production.toString());
		assertThat(production.resolve(TrainingMode.MARKER)).doesNotExist();
		FailureAnalysis analysis = new TrainingRefusedAnalyzer().analyze(new TrainingRefused("研修モードを開始できません: x"));
		assertThat(analysis.getAction()).contains("bin/start --training");
	}

	@Test
	void aTrainingDirectoryIsRefusedWithoutTrainingMode() {
		Path dataDir = dir.resolve("data-training");
		processor.postProcessEnvironment(training(dataDir), new SpringApplication());
		MockEnvironment production = new MockEnvironment().withProperty("madoguchi.data-dir", dataDir.toString());
		assertThatThrownBy(() -> processor.postProcessEnvironment(production, new SpringApplication()))
			.isInstanceOf(TrainingRefused.class)
			.hasMessageContaining("研修用のデータディレクトリです");
	}

	@Test
	void productionWithoutAMarkerStartsAsBefore() throws Exception {
		Path production = Files.createDirectories(dir.resolve("data"));
		Files.createDirectories(production.resolve("postgres"));
		MockEnvironment environment = new MockEnvironment().withProperty("madoguchi.data-dir", production.toString());
		processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("madoguchi.resident-record.mode")).isNull();
		assertThat(environment.getProperty("madoguchi.printers.training.uri")).isNull();
	}

	@Test
	void trainingRecordsDeliveriesOnlyAndPrintsToTheTrainingPrinter() {
		MockEnvironment environment = training(dir.resolve("t"));
		processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("madoguchi.resident-record.mode")).isEqualTo("training");
		assertThat(environment.getProperty("madoguchi.printers.training.uri")).startsWith("ipp://");
	}

	@Test
	void trainingRefusesTheCitysDatabaseAndResidentRecordSystem() {
		assertThatThrownBy(() -> processor.postProcessEnvironment(
				training(dir.resolve("a")).withProperty("spring.datasource.url", "jdbc:postgresql://db/madoguchi"),
				new SpringApplication()))
			.isInstanceOf(TrainingRefused.class)
			.hasMessageContaining("外部のデータベース");
		assertThatThrownBy(() -> processor.postProcessEnvironment(
				training(dir.resolve("b")).withProperty("madoguchi.resident-record.lookup.url", "https://jukiapi"),
				new SpringApplication()))
			.isInstanceOf(TrainingRefused.class)
			.hasMessageContaining("照会API");
		assertThatThrownBy(() -> processor.postProcessEnvironment(
				training(dir.resolve("c")).withProperty("madoguchi.resident-record.mode", "http"),
				new SpringApplication()))
			.isInstanceOf(TrainingRefused.class)
			.hasMessageContaining("送信先");
	}

}
