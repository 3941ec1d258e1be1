package jp.madoguchi.admin.domain;

import java.time.LocalDate;
import java.util.Objects;

import jp.madoguchi.text.CounterHours;

/**
 * A special opening (特別開庁日): the counters open on this day with these hours, whether the
 * ordinance closes it (休日開庁) or not (longer hours).
 *
 * @param note why, shown on the master page (e.g. 引越しシーズンの休日開庁); may be empty
 */
public record SpecialOpening(LocalDate day, CounterHours.Span hours, String note) {

	/** The longest note the master keeps. */
	public static final int NOTE_MAX_LENGTH = 50;

	public SpecialOpening {
		Objects.requireNonNull(day, "day");
		Objects.requireNonNull(hours, "hours");
		Objects.requireNonNull(note, "note");
	}

}
