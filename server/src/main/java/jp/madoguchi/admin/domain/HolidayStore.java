package jp.madoguchi.admin.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.admin.domain.Holidays.Holiday;
import jp.madoguchi.text.ClosedDayRule;

/** The holiday master {@code admin.holidays}. */
public interface HolidayStore {

	boolean exists(LocalDate day);

	/** Whether the master holds 元日 of the year, i.e. the year's list was loaded. */
	boolean listsYear(int year);

	/** The ordinance's rule {@code admin.closed_day_rule}. */
	ClosedDayRule rule();

	void changeRule(ClosedDayRule rule, String actor);

	/** Holidays between the two days, inclusive, in date order. */
	List<Holiday> between(LocalDate from, LocalDate to);

	/**
	 * Adds a holiday an administrator entered.
	 * @throws org.springframework.dao.DuplicateKeyException when the day is one already
	 */
	void add(LocalDate day, String name, String actor);

	/**
	 * @return whether there was such a holiday
	 */
	boolean remove(LocalDate day);

	/** The special opening of the day ({@code admin.special_openings}), if any. */
	Optional<SpecialOpening> specialOpening(LocalDate day);

	/** Special openings between the two days, inclusive, in date order. */
	List<SpecialOpening> specialOpenings(LocalDate from, LocalDate to);

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the day has one already
	 */
	void addSpecialOpening(SpecialOpening opening, String actor);

	/**
	 * @return whether there was one
	 */
	boolean removeSpecialOpening(LocalDate day);

}
