package jp.madoguchi.text;

/**
 * Where the counter's {@link CounterHours} come from: the counter's implementation reads
 * the opening-hours master ({@code admin.OpeningHoursService}); a process without a
 * database uses {@link #standard()}.
 */
@FunctionalInterface
public interface OpeningHours {

	CounterHours hours();

	/** {@link CounterHours#STANDARD}: 8:45–17:30, Monday to Friday. */
	static OpeningHours standard() {
		return () -> CounterHours.STANDARD;
	}

}
