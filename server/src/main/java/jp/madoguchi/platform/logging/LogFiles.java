package jp.madoguchi.platform.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import jp.madoguchi.platform.PrivateFiles;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds the three log files under {@code <data-dir>/logs} to logback once Spring Boot has
 * set logging up (this listener runs right after Boot's own):
 * <ul>
 * <li>{@code madoguchi.log}: the application log (everything the console shows);</li>
 * <li>{@code access.log}: one line per HTTP request from {@link AccessLogFilter} (logger
 * {@value #ACCESS_LOGGER}), without query strings;</li>
 * <li>{@code audit-export.log}: the audit trail leaving the system — chain heads
 * exported, audit CSV downloads, PIA reports (logger {@value #AUDIT_EXPORT_LOGGER}).</li>
 * </ul>
 * {@code madoguchi.logs.directory} names another directory. Files roll at
 * {@code madoguchi.logs.max-file-size} and at midnight, compressed ({@code .gz});
 * {@code madoguchi.logs.max-history} days are kept, at most
 * {@code madoguchi.logs.total-size-cap} per log. {@code madoguchi.logs.format} =
 * {@code text} (default) or a Spring Boot structured format ({@code ecs},
 * {@code logstash}, {@code gelf}) writes JSON lines. The directory is {@code 700} and
 * each file {@code 600} from its first byte ({@link PrivateRollingFileAppender}).
 * <p>
 * A log directory that cannot be created or written to, or a full disk, never stops the
 * service: logback reports the error on its status console and drops the lines, and the
 * health indicator {@code logFiles} says so.
 */
public class LogFiles implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	public static final String ACCESS_LOGGER = "madoguchi.access";

	public static final String AUDIT_EXPORT_LOGGER = "madoguchi.audit-export";

	static final String APPLICATION_FILE = "madoguchi.log";

	static final String ACCESS_FILE = "access.log";

	static final String AUDIT_EXPORT_FILE = "audit-export.log";

	/** Names of the appenders this class owns, so a new start replaces them. */
	private static final String PREFIX = "MADOGUCHI_FILE_";

	private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{40} : %msg%n%ex";

	private static final String LINE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %msg%n";

	@Override
	public int getOrder() {
		// org.springframework.boot.context.logging.LoggingApplicationListener is +20
		return Ordered.HIGHEST_PRECEDENCE + 21;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		remove(context);
		if (!environment.getProperty("madoguchi.logs.enabled", Boolean.class, true)) {
			return;
		}
		Settings settings = Settings.of(environment);
		try {
			PrivateFiles.createDirectories(settings.directory());
		}
		catch (IOException | RuntimeException ex) {
			LoggerFactory.getLogger(LogFiles.class)
				.warn("ログファイルのディレクトリ {} を作れません（{}）。ログは標準出力だけに書きます。", settings.directory(), ex.toString());
			return;
		}
		tighten(settings.directory());
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender(context, settings, APPLICATION_FILE, PATTERN));
		Logger access = context.getLogger(ACCESS_LOGGER);
		access.setLevel(Level.INFO);
		access.setAdditive(false);
		access.addAppender(appender(context, settings, ACCESS_FILE, LINE_PATTERN));
		Logger export = context.getLogger(AUDIT_EXPORT_LOGGER);
		export.setLevel(Level.INFO);
		export.setAdditive(true);
		export.addAppender(appender(context, settings, AUDIT_EXPORT_FILE, LINE_PATTERN));
	}

	/** The log directory of these settings, for the health indicator. */
	public static Path directory(Path dataDir) {
		return dataDir.toAbsolutePath().normalize().resolve("logs");
	}

	/**
	 * Sets every file in the log directory that others could read to {@code 600} (the
	 * compressed archives logback's compressor wrote).
	 */
	static void tighten(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
						&& PrivateFiles.openToOthers(file).isPresent()) {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// nothing to tighten, or no POSIX modes; the directory's own mode protects
		}
	}

	private static void remove(LoggerContext context) {
		for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, ACCESS_LOGGER, AUDIT_EXPORT_LOGGER)) {
			Logger logger = context.getLogger(name);
			for (String file : List.of(APPLICATION_FILE, ACCESS_FILE, AUDIT_EXPORT_FILE)) {
				Appender<ILoggingEvent> appender = logger.getAppender(PREFIX + file);
				if (appender != null) {
					logger.detachAppender(appender);
					appender.stop();
				}
			}
		}
	}

	private static Appender<ILoggingEvent> appender(LoggerContext context, Settings settings, String fileName,
			String pattern) {
		PrivateRollingFileAppender appender = new PrivateRollingFileAppender();
		appender.setContext(context);
		appender.setName(PREFIX + fileName);
		Path file = settings.directory().resolve(fileName);
		appender.setFile(file.toString());
		SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
		policy.setContext(context);
		policy.setParent(appender);
		policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
		policy.setMaxFileSize(settings.maxFileSize());
		policy.setMaxHistory(settings.maxHistory());
		policy.setTotalSizeCap(settings.totalSizeCap());
		policy.start();
		appender.setRollingPolicy(policy);
		appender.setEncoder(encoder(context, settings.format(), pattern));
		appender.start();
		return appender;
	}

	private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format, String pattern) {
		if ("text".equalsIgnoreCase(format)) {
			PatternLayoutEncoder encoder = new PatternLayoutEncoder();
			encoder.setContext(context);
			encoder.setPattern(pattern);
			encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
			encoder.start();
			return encoder;
		}
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
		encoder.start();
		return encoder;
	}

	/**
	 * @param directory {@code <data-dir>/logs}
	 * @param format {@code text} or a structured format
	 */
	record Settings(Path directory, String format, FileSize maxFileSize, int maxHistory, FileSize totalSizeCap) {

		static Settings of(ConfigurableEnvironment environment) {
			Path dataDir = Path.of(environment.getProperty("madoguchi.data-dir", "./data"));
			String own = environment.getProperty("madoguchi.logs.directory", "");
			return new Settings(own.isBlank() ? LogFiles.directory(dataDir) : Path.of(own).toAbsolutePath().normalize(),
					environment.getProperty("madoguchi.logs.format", "text"),
					FileSize.valueOf(environment.getProperty("madoguchi.logs.max-file-size", "10MB")),
					environment.getProperty("madoguchi.logs.max-history", Integer.class, 90),
					FileSize.valueOf(environment.getProperty("madoguchi.logs.total-size-cap", "1GB")));
		}

	}

}
