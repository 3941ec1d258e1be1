package jp.madoguchi.terminals.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.terminals.domain.TerminalService;
import jp.madoguchi.platform.SecurityHeaders;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@link Terminals} from the pairing cookie of the request. */
@Component
@EnableConfigurationProperties(CardAgentProperties.class)
class CookieTerminals implements Terminals {

	private final TerminalService terminals;

	private final CardAgentProperties unpaired;

	CookieTerminals(TerminalService terminals, CardAgentProperties unpaired) {
		this.terminals = terminals;
		this.unpaired = unpaired;
	}

	@Override
	public Optional<CardAgent> cardAgent(HttpServletRequest request) {
		Optional<CardAgent> agent = current(request)
			.map(terminal -> new CardAgent(withoutTrailingSlash(terminal.cardAgentUrl()), terminal.pairingToken()))
			.or(() -> unpaired.configured() ? Optional.of(new CardAgent(unpaired.baseUrl(), unpaired.token()))
					: Optional.empty());
		// The terminal's agent may listen on another port than the configured one.
		agent.ifPresent(found -> SecurityHeaders.allowConnect(request, found.url()));
		return agent;
	}

	private static String withoutTrailingSlash(String url) {
		return url.replaceAll("/+$", "");
	}

	@Override
	public Optional<CurrentTerminal> current(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return terminals.resolve(cookie.getValue());
			}
		}
		return Optional.empty();
	}

}
