package jp.madoguchi.moving.domain;

import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.CharacterChoice;

/** Staff's character choices per notification (one per item and original character). */
public interface ChosenCharacters {

	List<CharacterChoice> of(UUID notificationId);

	/** Stores the choice, replacing an earlier one for the same item and character. */
	void save(UUID notificationId, CharacterChoice choice);

}
