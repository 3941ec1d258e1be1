package jp.madoguchi.residentrecord.domain.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jp.madoguchi.platform.PrivateFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File mode: {@code <outbox>/<notificationId>.json} (or {@code .csv}), answered by
 * {@code <id>.ack} or {@code <id>.err}.
 *
 * <p>
 * The document is written to a hidden temporary name in the same directory
 * ({@code .<id>.json.<random>.tmp}), forced to disk, then renamed to its final name, and
 * the directory is forced too. A rename within one directory is atomic, so the final name
 * never shows a partial file, whatever moment the process dies at. Repeating a delivery
 * is harmless: a final file with the same bytes is left alone, and an answer already
 * there ({@code .ack}/{@code .err}) is taken instead of writing again.
 */
public class FileOutbox implements Transport {

	private static final Logger log = LoggerFactory.getLogger(FileOutbox.class);

	private static final int MAX_REASON_CHARS = 1000;

	private final Path directory;

	private final Clock clock;

	private final String extension;

	private final @Nullable Charset csvCharset;

	/** The JSON document, {@code <id>.json}. */
	public FileOutbox(Path directory, Clock clock) {
		this(directory, null, clock);
	}

	/** With a charset: the CSV variant, {@code <id>.csv} in that encoding. */
	public FileOutbox(Path directory, @Nullable Charset csvCharset, Clock clock) {
		this.directory = directory;
		this.clock = clock;
		this.csvCharset = csvCharset;
		this.extension = (csvCharset != null) ? "csv" : "json";
	}

	/** The CSV variant's encoding, or empty for the JSON document. */
	@Override
	public Optional<Charset> csvCharset() {
		return Optional.ofNullable(csvCharset);
	}

	@Override
	public boolean answersLater() {
		return true;
	}

	@Override
	public TransportStatus status() {
		String problem = null;
		if (!Files.isDirectory(directory)) {
			problem = "連携フォルダがありません。";
		}
		else if (!Files.isWritable(directory)) {
			problem = "連携フォルダに書き込めません。";
		}
		return new TransportStatus("file", directory.toString(), problem);
	}

	@Override
	public String channel() {
		return "file";
	}

	@Override
	public Optional<String> notReady() {
		return Optional.empty();
	}

	@Override
	public Outcome deliver(DeliveryKey delivery, byte[] document) {
		UUID id = delivery.notificationId();
		if (!Files.isDirectory(directory)) {
			return Outcome.retry("連携フォルダ " + directory + " がありません。フォルダを作成するか設定を確認してください。");
		}
		Optional<Outcome> answered = acknowledgement(delivery);
		if (answered.isPresent()) {
			return answered.get();
		}
		Path target = directory.resolve(id + "." + extension);
		Path temporary = directory.resolve("." + id + "." + extension + "." + UUID.randomUUID() + ".tmp");
		try {
			if (Files.exists(target)) {
				if (Arrays.equals(Files.readAllBytes(target), document)) {
					// Delivered before a crash or a lost lease: already there, exactly
					// once.
					return Outcome.delivered();
				}
				return Outcome.rejected("連携フォルダに内容の異なる " + target.getFileName() + " が既にあります。住民記録システム側で確認してください。");
			}
			try (FileChannel channel = PrivateFiles.createNew(temporary)) {
				ByteBuffer buffer = ByteBuffer.wrap(document);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			forceDirectory();
			return Outcome.delivered();
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			log.warn("Delivery of notification {} to {} failed: {}", id, directory, ex.toString());
			return Outcome.retry(reason(ex));
		}
	}

	@Override
	public Optional<Outcome> acknowledgement(DeliveryKey delivery) {
		UUID id = delivery.notificationId();
		if (Files.exists(directory.resolve(id + ".ack"))) {
			return Optional.of(Outcome.acknowledged());
		}
		Path error = directory.resolve(id + ".err");
		if (Files.exists(error)) {
			String reason;
			try {
				reason = new String(Files.readAllBytes(error), StandardCharsets.UTF_8).strip();
			}
			catch (IOException ex) {
				reason = "";
			}
			if (reason.length() > MAX_REASON_CHARS) {
				reason = reason.substring(0, MAX_REASON_CHARS) + "…";
			}
			return Optional.of(Outcome.rejected("住民記録システムがエラーを返しました: " + (reason.isEmpty() ? "（理由の記載なし）" : reason)));
		}
		return Optional.empty();
	}

	/**
	 * Moves the old {@code .err} aside ({@code <id>.err.<time>}) and removes the refused
	 * document, so the retry writes the document afresh and waits for a new answer.
	 */
	@Override
	public void prepareRetry(DeliveryKey delivery) {
		UUID id = delivery.notificationId();
		Path error = directory.resolve(id + ".err");
		try {
			if (Files.exists(error)) {
				Files.move(error, directory.resolve(id + ".err." + clock.millis()), StandardCopyOption.ATOMIC_MOVE);
				Files.deleteIfExists(directory.resolve(id + "." + extension));
			}
		}
		catch (IOException ex) {
			log.warn("Could not set aside {}: {}", error, ex.toString());
		}
	}

	/**
	 * Removes the document and its answers ({@code <id>.<ext>}, {@code .ack},
	 * {@code .err}, the set-aside {@code .err.<time>}) of a purged notification, if the
	 * resident-record system left them in the folder.
	 */
	@Override
	public void forget(UUID notificationId) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		String prefix = notificationId + ".";
		try (Stream<Path> files = Files.list(directory)) {
			files.filter(f -> f.getFileName().toString().startsWith(prefix)).forEach(FileOutbox::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not remove the files of purged notification {}: {}", notificationId, ex.toString());
		}
	}

	/**
	 * Removes temporary files a crashed writer left behind. Only old ones: a younger one
	 * may belong to another instance writing right now.
	 */
	@Override
	public void removeStaleTemporaryFiles(Duration olderThan) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		Instant limit = clock.instant().minus(olderThan);
		try (Stream<Path> files = Files.list(directory)) {
			files.filter(f -> f.getFileName().toString().startsWith(".") && f.getFileName().toString().endsWith(".tmp"))
				.filter(f -> {
					try {
						return Files.getLastModifiedTime(f).toInstant().isBefore(limit);
					}
					catch (IOException ex) {
						return false;
					}
				})
				.forEach(FileOutbox::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not clean {}: {}", directory, ex.toString());
		}
	}

	/** The rename must survive a power cut too: force the directory entry. */
	private void forceDirectory() {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Windows cannot open a directory as a channel; NTFS journals the rename.
		}
	}

	private String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "連携フォルダ " + directory + " がありません。フォルダを作成するか設定を確認してください。";
		}
		if (ex instanceof AccessDeniedException) {
			return "連携フォルダ " + directory + " に書き込む権限がありません。";
		}
		if (ex instanceof FileAlreadyExistsException) {
			return "一時ファイルの名前が重複しました。次の試行で書き直します。";
		}
		String message = String.valueOf(ex.getMessage());
		if (message.contains("No space left") || message.contains("not enough space")
				|| message.contains("Disk quota exceeded")) {
			return "連携フォルダ " + directory + " のディスクに空きがありません。";
		}
		if (ex instanceof FileSystemException) {
			return "連携フォルダ " + directory + " に書き込めません: " + ((FileSystemException) ex).getReason();
		}
		return "連携フォルダ " + directory + " に書き込めません: " + message;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// left for removeStaleTemporaryFiles
		}
	}

}
