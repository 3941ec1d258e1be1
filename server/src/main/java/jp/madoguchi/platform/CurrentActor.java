package jp.madoguchi.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting on this thread, as written into audit events and "changed by" columns:
 * the signed-in user or API token owner, or {@value #SYSTEM} for scheduled jobs and
 * start-up work.
 */
public final class CurrentActor {

	/** The actor name of work no person started. */
	public static final String SYSTEM = "system";

	private CurrentActor() {
	}

	/**
	 * Authentication details saying through what the actor acts when it is not a
	 * signed-in browser, e.g. {@code api-token:12} for a program's token (never its
	 * secret); the audit trail records it in the terminal column.
	 */
	public record Via(String name) {
	}

	public static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : SYSTEM;
	}

}
