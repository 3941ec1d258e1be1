package jp.madoguchi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.FileSystemUtils;

/**
 * The outbox folder of {@link FileOutbox} test classes, registered in
 * {@code META-INF/spring.factories}: created when the context is, ahead of every other
 * property source, deleted with everything in it when the context closes.
 */
public class FileOutboxCustomizerFactory implements ContextCustomizerFactory {

	static final String PROPERTY = "madoguchi.resident-record.file.outbox";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, FileOutbox.class) ? new OwnOutbox() : null;
	}

	/**
	 * All equal: test classes that differ in nothing else may share a context, and with
	 * it the folder.
	 */
	record OwnOutbox() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			Path folder;
			try {
				folder = Files.createTempDirectory("madoguchi-outbox-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("fileOutbox", Map.of(PROPERTY, folder.toString())));
			context.addApplicationListener(event -> {
				if (event instanceof ContextClosedEvent) {
					FileSystemUtils.deleteRecursively(folder.toFile());
				}
			});
		}

	}

}
