package jp.madoguchi.reception;

import java.util.Optional;

/**
 * Port: the address of a ticket's page on the resident's phone (the queue-status module
 * implements it when the public site is configured), printed as a QR code on the 受付票. The
 * address carries a signed reference to the day and ticket number only.
 */
public interface TicketLinks {

	/** The phone page of this reception's ticket, empty when none is published. */
	Optional<String> phonePage(ReceptionView reception);

}
