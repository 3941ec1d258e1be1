package jp.madoguchi.terminals.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.audit.TerminalResolver;

import org.springframework.stereotype.Component;

/**
 * Gives the audit trail the name of the paired terminal a request comes from (its pairing
 * cookie, checked against the stored token hash), the name administrators gave it.
 */
@Component
class PairedTerminalNames implements TerminalResolver {

	private final Terminals terminals;

	PairedTerminalNames(Terminals terminals) {
		this.terminals = terminals;
	}

	@Override
	public Optional<String> terminalName(HttpServletRequest request) {
		return terminals.current(request).map(Terminals.CurrentTerminal::name);
	}

}
