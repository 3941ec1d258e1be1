package jp.madoguchi.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test's Spring context an outbox folder of its own for the resident-record
 * file mode ({@code madoguchi.resident-record.file.outbox}): a new temporary folder,
 * removed when the context closes. The test still chooses the mode
 * ({@code madoguchi.resident-record.mode=file}) and reads the folder with
 * {@code @Value(FileOutbox.FOLDER) Path outbox}. {@link FileOutboxCustomizerFactory} does
 * the work.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FileOutbox {

	/** The property naming the folder, as a {@code @Value} expression. */
	String FOLDER = "${" + FileOutboxCustomizerFactory.PROPERTY + "}";

}
