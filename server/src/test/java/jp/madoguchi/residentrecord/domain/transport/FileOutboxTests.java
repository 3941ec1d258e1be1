package jp.madoguchi.residentrecord.domain.transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import jp.madoguchi.residentrecord.domain.transport.Transport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The file transport on a real directory: atomic, repeatable, answers read back. */
class FileOutboxTests {

	@TempDir
	Path outbox;

	final DeliveryKey delivery = new DeliveryKey(UUID.randomUUID(), UUID.randomUUID());

	final byte[] document = "{\"formatVersion\":\"1.0\",\"name\":\"辻\uDB40\uDD02\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void writesTheDocumentUnderItsFinalNameAndNothingElse() throws Exception {
		FileOutbox files = new FileOutbox(outbox, Clock.systemUTC());
		assertThat(files.deliver(delivery, document).kind()).isEqualTo(Outcome.Kind.DELIVERED);
		assertThat(Files.readAllBytes(outbox.resolve(delivery.notificationId() + ".json"))).isEqualTo(document);
		try (Stream<Path> all = Files.list(outbox)) {
			assertThat(all).hasSize(1);
		}
	}

	/** It holds full My Numbers: another local account must not read it. */
	@Test
	void theDocumentIsReadableByTheServiceAccountOnly() throws Exception {
		FileOutbox files = new FileOutbox(outbox, Clock.systemUTC());
		files.deliver(delivery, document);
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(outbox.resolve(delivery.notificationId() + ".json"))))
			.isEqualTo("rw-------");
	}

	@Test
	void theCsvVariantGoesUnderItsOwnExtensionAndIsAnsweredTheSameWay() throws Exception {
		FileOutbox files = new FileOutbox(outbox, java.nio.charset.Charset.forName("windows-31j"), Clock.systemUTC());
		assertThat(files.deliver(delivery, document).kind()).isEqualTo(Outcome.Kind.DELIVERED);
		assertThat(outbox.resolve(delivery.notificationId() + ".csv")).exists();
		assertThat(outbox.resolve(delivery.notificationId() + ".json")).doesNotExist();
		Files.writeString(outbox.resolve(delivery.notificationId() + ".ack"), "");
		assertThat(files.acknowledgement(delivery).orElseThrow().kind()).isEqualTo(Outcome.Kind.ACKNOWLEDGED);
	}

	@Test
	void aRepeatedDeliveryLeavesTheSameFileAlone() throws Exception {
		FileOutbox files = new FileOutbox(outbox, Clock.systemUTC());
		files.deliver(delivery, document);
		Path target = outbox.resolve(delivery.notificationId() + ".json");
		FileTime old = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
		Files.setLastModifiedTime(target, old);
		assertThat(files.deliver(delivery, document).kind()).isEqualTo(Outcome.Kind.DELIVERED);
		assertThat(Files.getLastModifiedTime(target)).as("not rewritten").isEqualTo(old);
	}

	@Test
	void aDifferentFileUnderTheSameNameIsNeverOverwritten() throws Exception {
		FileOutbox files = new FileOutbox(outbox, Clock.systemUTC());
		Path target = outbox.resolve(delivery.notificationId() + ".json");
		Files.writeString(target, "something else");
		Outcome outcome = files.deliver(delivery, document);
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
		assertThat(outcome.reason()).contains("内容の異なる");
		assertThat(Files.readString(target)).isEqualTo("something else");
	}

	@Test
	void anAnswerAlreadyThereIsTakenInsteadOfWritingAgain() throws Exception {
		FileOutbox files = new FileOutbox(outbox, Clock.systemUTC());
		Files.writeString(outbox.resolve(delivery.notificationId() + ".ack"), "");
		assertThat(files.deliver(delivery, document).kind()).isEqualTo(Outcome.Kind.ACKNOWLEDGED);
		assertThat(outbox.resolve(delivery.notificationId() + ".json")).doesNotExist();
	}

	@Test
	void anErrFileIsReadWithItsReasonAndSetAsideOnRetry() throws Exception {
		FileOutbox files = new FileOutbox(outbox, Clock.systemUTC());
		files.deliver(delivery, document);
		Files.writeString(outbox.resolve(delivery.notificationId() + ".err"), "外字が登録されていません\n", StandardCharsets.UTF_8);
		Outcome answer = files.acknowledgement(delivery).orElseThrow();
		assertThat(answer.kind()).isEqualTo(Outcome.Kind.REJECTED);
		assertThat(answer.reason()).endsWith("外字が登録されていません");
		files.prepareRetry(delivery);
		assertThat(files.acknowledgement(delivery)).isEmpty();
		assertThat(outbox.resolve(delivery.notificationId() + ".json")).doesNotExist();
		try (Stream<Path> all = Files.list(outbox)) {
			assertThat(all.map(p -> p.getFileName().toString()))
				.anyMatch(n -> n.startsWith(delivery.notificationId() + ".err."));
		}
	}

	@Test
	void aMissingDirectoryIsARetryWithTheReason() {
		FileOutbox files = new FileOutbox(outbox.resolve("missing"), Clock.systemUTC());
		Outcome outcome = files.deliver(delivery, document);
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RETRY);
		assertThat(outcome.reason()).contains("ありません");
	}

	@Test
	void onlyOldTemporaryFilesAreRemoved() throws Exception {
		Path old = Files.writeString(outbox.resolve("." + UUID.randomUUID() + ".json.x.tmp"), "{\"part");
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		Path young = Files.writeString(outbox.resolve("." + UUID.randomUUID() + ".json.y.tmp"), "{\"part");
		new FileOutbox(outbox, Clock.systemUTC()).removeStaleTemporaryFiles(Duration.ofMinutes(2));
		assertThat(old).doesNotExist();
		assertThat(young).exists();
	}

}
