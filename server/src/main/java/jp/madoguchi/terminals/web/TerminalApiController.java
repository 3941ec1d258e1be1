package jp.madoguchi.terminals.web;

import java.util.List;
import java.util.UUID;

import jp.madoguchi.terminals.domain.TerminalService;
import jp.madoguchi.terminals.domain.TerminalService.IssuedToken;
import jp.madoguchi.terminals.domain.TerminalService.Terminal;
import jp.madoguchi.terminals.domain.TerminalService.TerminalInput;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Counter terminals; the pairing token is in the answer of create and renew only. */
@RestController
@RequestMapping("/api/v1/admin/terminals")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class TerminalApiController {

	private final TerminalService terminals;

	TerminalApiController(TerminalService terminals) {
		this.terminals = terminals;
	}

	@GetMapping
	List<Terminal> list() {
		return terminals.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken create(@RequestBody TerminalInput body, Authentication caller) {
		return terminals.create(body, caller.getName());
	}

	@PostMapping("/{id}/token")
	IssuedToken renew(@PathVariable UUID id) {
		return terminals.renewToken(id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		terminals.delete(id);
	}

}
