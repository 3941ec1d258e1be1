package jp.madoguchi.terminals.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.terminals.domain.TerminalService.Terminal;
import jp.madoguchi.terminals.domain.TerminalService.TerminalInput;

/** The terminal master {@code terminals.terminals}; pairing tokens only as SHA-256. */
public interface TerminalStore {

	/** All terminals, by name. */
	List<Terminal> list();

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the name is taken
	 */
	void add(UUID id, TerminalInput terminal, String tokenHash, Instant at, String actor);

	void renewToken(UUID id, String tokenHash, Instant at);

	void delete(UUID id);

	/** Sets the default printer (null: none). */
	void setDefaultPrinter(UUID id, @org.jspecify.annotations.Nullable String printer);

	Optional<String> tokenHash(UUID id);

}
