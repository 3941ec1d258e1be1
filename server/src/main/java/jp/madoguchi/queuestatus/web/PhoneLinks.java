package jp.madoguchi.queuestatus.web;

import java.util.Optional;

import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.Role;
import jp.madoguchi.queuestatus.domain.QueueStatusProperties;
import jp.madoguchi.queuestatus.domain.TicketReferences;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.TicketLinks;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The phone page address printed on a 受付票: the public site's address
 * ({@code madoguchi.queue-status.public-url}, else the push address) with the ticket's
 * signed reference. Without a public site nothing is printed; in a process of role
 * {@code all} the address of the current request stands in.
 */
@Component
class PhoneLinks implements TicketLinks {

	private final TicketReferences references;

	private final String base;

	private final boolean sameProcess;

	PhoneLinks(TicketReferences references, QueueStatusProperties properties, MadoguchiProperties madoguchi) {
		this.references = references;
		String configured = properties.publicUrl().isBlank() ? properties.pushUrl() : properties.publicUrl();
		this.base = configured.replaceAll("/+$", "");
		this.sameProcess = madoguchi.parsedRole() == Role.ALL;
	}

	@Override
	public Optional<String> phonePage(ReceptionView reception) {
		String site = base;
		if (site.isEmpty()) {
			if (!sameProcess || RequestContextHolder.getRequestAttributes() == null) {
				return Optional.empty();
			}
			site = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		}
		return Optional.of(site + "/public/ticket/"
				+ references.reference(reception.day(), reception.ticketNumber(), reception.originQueue()));
	}

}
