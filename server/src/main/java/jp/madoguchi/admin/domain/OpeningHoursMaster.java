package jp.madoguchi.admin.domain;

import jp.madoguchi.text.CounterHours;

/** The opening-hours master {@code admin.opening_hours}: one row per weekday opened. */
public interface OpeningHoursMaster {

	CounterHours hours();

	/** Replaces every weekday's hours. */
	void replace(CounterHours hours, String actor);

}
