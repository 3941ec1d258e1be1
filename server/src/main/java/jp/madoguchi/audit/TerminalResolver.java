package jp.madoguchi.audit;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names the counter terminal (窓口端末) an HTTP request comes from, for the {@code terminal}
 * of its audit events. A port of this module: the module that pairs terminals implements
 * it (admin, from its pairing cookie), so that audit needs no module above it. Without an
 * implementation, events carry no terminal. A name only counts when the terminal was
 * proven (paired): a name a client merely claims is not recorded.
 */
@FunctionalInterface
public interface TerminalResolver {

	/** The paired terminal's name, if the request comes from one. */
	Optional<String> terminalName(HttpServletRequest request);

}
