package jp.madoguchi.platform.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import jp.madoguchi.platform.PrivateFiles;

/**
 * A rolling file appender whose active file is created {@code 600} by the system call
 * that creates it ({@link PrivateFiles#createNew}) before logback opens it for appending,
 * so not even the first line is readable by another account. Compressed archives are
 * written by logback's compressor with the process's umask; the directory is {@code 700}
 * so nobody else can reach them, and {@link LogFiles#tighten} sets them to {@code 600}
 * after each rollover.
 */
class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {

	@Override
	public void openFile(String name) throws IOException {
		Path file = Path.of(name);
		if (!Files.exists(file)) {
			PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
			try {
				PrivateFiles.createNew(file).close();
			}
			catch (java.nio.file.FileAlreadyExistsException raced) {
				// another appender of this process created it first: same mode
			}
		}
		super.openFile(name);
	}

	@Override
	public void rollover() {
		super.rollover();
		LogFiles.tighten(Path.of(getFile()).toAbsolutePath().getParent());
	}

}
