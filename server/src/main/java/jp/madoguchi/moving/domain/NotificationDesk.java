package jp.madoguchi.moving.domain;

import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationView;

import org.springframework.stereotype.Service;

/** The module's API to others, answered by the services that do the work. */
@Service
class NotificationDesk implements MovingNotifications {

	private final NotificationEditing editing;

	private final NotificationQueries queries;

	private final NotificationStatusChanges statusChanges;

	NotificationDesk(NotificationEditing editing, NotificationQueries queries,
			NotificationStatusChanges statusChanges) {
		this.editing = editing;
		this.queries = queries;
		this.statusChanges = statusChanges;
	}

	@Override
	public Optional<NotificationView> find(UUID id) {
		return queries.find(id);
	}

	@Override
	public NotificationView createDraft(NotificationContent content) {
		return editing.create(content, false);
	}

	@Override
	public Optional<NotificationView> findForDelivery(UUID id) {
		return queries.findForDelivery(id);
	}

	@Override
	public void markSent(UUID id) {
		statusChanges.markSent(id);
	}

}
