package jp.madoguchi.admin.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A day the city office is closed, with every reason that closes it (a holiday may fall
 * on a Sunday, a year-end day on a Saturday).
 *
 * @param holidayName the holiday's name when {@link Reason#HOLIDAY} is among the reasons
 */
public record ClosedDay(LocalDate day, List<Reason> reasons, @Nullable String holidayName) {

	public ClosedDay {
		reasons = List.copyOf(reasons);
	}

	/** Why the ordinance closes the day. */
	public enum Reason {

		SUNDAY, SATURDAY, HOLIDAY, YEAR_END

	}

}
