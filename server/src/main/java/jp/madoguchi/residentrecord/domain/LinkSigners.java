package jp.madoguchi.residentrecord.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.MadoguchiProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The link's {@link LinkSigner}, made (and its key file created) only when an HTTP
 * delivery or lookup needs it.
 */
@Component
public class LinkSigners {

	/** The key shared with the resident-record system. */
	public static final String FILE = "resident-record-link.key";

	private final Path keys;

	private final Clock clock;

	private @Nullable LinkSigner signer;

	LinkSigners(MadoguchiProperties properties, Clock clock) {
		this.keys = properties.dataDir().resolve("keys");
		this.clock = clock;
	}

	public synchronized LinkSigner signer() {
		if (signer == null) {
			try {
				signer = LinkSigner.inKeyDirectory(keys, FILE, clock);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The resident-record link key in " + keys + " cannot be read", ex);
			}
		}
		return signer;
	}

}
