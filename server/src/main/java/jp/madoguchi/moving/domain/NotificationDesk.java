package jp.madoguchi.moving.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jp.madoguchi.moving.CharacterChoice;
import jp.madoguchi.moving.HouseholdsBeforeAfter;
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

	private final CharacterChoices characters;

	private final DraftsFromRecord fromRecord;

	NotificationDesk(NotificationEditing editing, NotificationQueries queries, NotificationStatusChanges statusChanges,
			CharacterChoices characters, DraftsFromRecord fromRecord) {
		this.fromRecord = fromRecord;
		this.editing = editing;
		this.queries = queries;
		this.statusChanges = statusChanges;
		this.characters = characters;
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
	public NotificationView createFromSentAhead(List<String> noticeIds) {
		return fromRecord.fromSentAhead(noticeIds, false).notification();
	}

	@Override
	public Optional<NotificationView> findForDelivery(UUID id) {
		return queries.findForDelivery(id).map(characters::applied);
	}

	@Override
	public List<@Nullable String> myNumbersInFull(UUID id, String purpose) {
		return queries.myNumbersInFull(id, purpose);
	}

	@Override
	public List<CharacterChoice> characterChoices(UUID id) {
		return characters.choices(id);
	}

	@Override
	public Optional<HouseholdsBeforeAfter> beforeAndAfter(NotificationView notification) {
		return fromRecord.beforeAndAfter(notification.id(), notification.content());
	}

	@Override
	public void markSent(UUID id) {
		statusChanges.markSent(id);
	}

}
