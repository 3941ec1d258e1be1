package jp.madoguchi.admin.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.admin.Terminals;
import jp.madoguchi.admin.domain.TerminalService;

import org.springframework.stereotype.Component;

/** {@link Terminals} from the pairing cookie of the request. */
@Component
class CookieTerminals implements Terminals {

	private final TerminalService terminals;

	CookieTerminals(TerminalService terminals) {
		this.terminals = terminals;
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
