package jp.madoguchi.accounts.security;

import java.util.Set;

import jp.madoguchi.accounts.domain.StaffSessions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * {@link StaffSessions} over Spring Session's store (PostgreSQL, shared by every
 * instance): a deleted session is gone for all instances at once.
 */
@Component
class SpringStaffSessions implements StaffSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	SpringStaffSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
		this.repository = repository;
	}

	@Override
	public int endAll(String username) {
		FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
		if (sessions == null) {
			return 0;
		}
		Set<String> ids = sessions.findByPrincipalName(username).keySet();
		ids.forEach(sessions::deleteById);
		return ids.size();
	}

}
