package jp.madoguchi.moving.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The stored code masters and how stored notifications use their codes. */
public interface CodeMasterStore {

	/** Every code of the list, retired ones included, in their usual order. */
	List<StandardCode> all(CodeList list);

	Optional<StandardCode> find(CodeList list, String code);

	/** Adds a code; false when the code or its label is taken. */
	boolean add(CodeList list, StandardCode code);

	/**
	 * Replaces the code's code, label and source; false when the new code or label is
	 * another code's.
	 */
	boolean change(CodeList list, String code, StandardCode changed);

	void retire(CodeList list, String code, LocalDate lastDay);

	void delete(CodeList list, String code);

	/**
	 * How many stored notifications hold the code and are dated after {@code day} (their
	 * filing date, else the day they were created); {@code null} counts them all.
	 */
	long uses(CodeList list, String code, @Nullable LocalDate after);

}
