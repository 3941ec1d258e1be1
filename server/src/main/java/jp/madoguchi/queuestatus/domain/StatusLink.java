package jp.madoguchi.queuestatus.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The key both ends of the queue-status link share:
 * {@code <data-dir>/keys/}{@value #FILE} (mode 600, created at the first start of the
 * counter side; the operator copies it to the public site once). It signs the pushes
 * ({@link LinkSigner}) and the ticket references (a key derived for that purpose).
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
@EnableConfigurationProperties(QueueStatusProperties.class)
public class StatusLink {

	public static final String FILE = "queue-status-link.key";

	/** Where the public site receives the status. */
	public static final String PATH = "/public/api/v1/link/queue-status";

	private final LinkSigner signer;

	StatusLink(MadoguchiProperties properties, Clock clock) {
		Path keys = properties.dataDir().resolve("keys");
		try {
			this.signer = LinkSigner.inKeyDirectory(keys, FILE, clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The queue-status link key in " + keys + " cannot be read", ex);
		}
	}

	public LinkSigner signer() {
		return signer;
	}

}
