package jp.madoguchi.terminals;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Counter terminals. A browser becomes a terminal when an administrator pairs it (on that
 * browser, with the terminal's pairing token): it then carries the cookie
 * {@link #COOKIE}, and {@link #current} tells which terminal a request comes from, with
 * the card agent's URL and pairing token that the counter page hands to the card agent on
 * the same machine ({@code Authorization: Bearer TOKEN}). See docs/terminals.md.
 */
public interface Terminals {

	/** HttpOnly, SameSite=Strict: {@code <terminal id>.<pairing token>}. */
	String COOKIE = "MADOGUCHI_TERMINAL";

	/** The terminal the request's browser was paired as, if the cookie is still valid. */
	Optional<CurrentTerminal> current(HttpServletRequest request);

	/**
	 * The card agent the request's counter page calls: the paired terminal's, else the
	 * one configured for all browsers ({@code madoguchi.card-agent.url/token}), else none
	 * (no card reading). Also lets this response's CSP {@code connect-src} reach the
	 * agent.
	 */
	Optional<CardAgent> cardAgent(HttpServletRequest request);

	/**
	 * @param url the agent's base URL without a trailing slash
	 * @param token its pairing token, for {@code Authorization: Bearer}
	 */
	record CardAgent(String url, String token) {

		@Override
		public String toString() {
			return "CardAgent[" + url + "]";
		}

	}

	/**
	 * @param pairingToken the card agent's token; only ever given to the paired browser's
	 * own pages
	 * @param defaultPrinter the printer this terminal prints to when a department has
	 * none of its own (a printer name, checked by the forms module when printing)
	 */
	record CurrentTerminal(UUID id, String name, String location, String counter, String cardAgentUrl,
			String pairingToken, @Nullable String defaultPrinter) {

		@Override
		public String toString() {
			return "CurrentTerminal[" + id + ", " + name + "]";
		}

	}

}
