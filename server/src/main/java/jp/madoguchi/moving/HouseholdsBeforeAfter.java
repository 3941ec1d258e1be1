package jp.madoguchi.moving;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The households before and after a notification started from the resident record: for
 * every member of the household(s) as recorded when the draft was made, and every person
 * of the notification, who leaves, who stays, who heads the household afterwards and the
 * 続柄 before and after. Computed by moving from the notification as it stands and the
 * households recorded with its draft, so it follows staff's edits but not later changes
 * of the record.
 *
 * @param householdsBefore the households as recorded (one; two for a 世帯合併, the joined one
 * first)
 * @param persons one row per person, the notification's persons first (in their order),
 * then the members who stay
 * @param remainingHeadUndecided the head leaves and several members stay, none of them
 * obviously the new head: a 世帯主変更 must say who (世帯主変更届)
 */
public record HouseholdsBeforeAfter(List<HouseholdBefore> householdsBefore, List<PersonRow> persons,
		boolean remainingHeadUndecided) {

	public HouseholdsBeforeAfter {
		householdsBefore = List.copyOf(householdsBefore);
		persons = List.copyOf(persons);
	}

	/** A household as recorded: its 世帯番号, its head and how many members it had. */
	public record HouseholdBefore(@Nullable String householdId, @Nullable String headName, int members) {
	}

	/**
	 * What happens to one person.
	 *
	 * @param residentId 宛名番号, null for a person staff added by hand
	 * @param inNotification whether the person is one of the notification's persons
	 * @param householdIdBefore the 世帯番号 recorded, null when not recorded
	 * @param headBefore the head of the household before
	 * @param relationshipBefore the 続柄 recorded
	 * @param headAfter the head of the household afterwards, null when still to be
	 * decided
	 * @param relationshipAfter the 続柄 afterwards, null when it must be confirmed (the
	 * household's head changes and nobody said it)
	 */
	public record PersonRow(@Nullable String residentId, String name, Movement movement, boolean inNotification,
			@Nullable String householdIdBefore, @Nullable String headBefore, @Nullable String relationshipBefore,
			@Nullable String headAfter, @Nullable String relationshipAfter) {

		/** Whether the person heads the household afterwards but did not before. */
		@JsonProperty("becomesHead")
		public boolean becomesHead() {
			return HEAD.equals(relationshipAfter) && !HEAD.equals(relationshipBefore);
		}

		/** Whether the person headed the household before but no longer does. */
		@JsonProperty("headLeavesOffice")
		public boolean headLeavesOffice() {
			return HEAD.equals(relationshipBefore) && !HEAD.equals(relationshipAfter);
		}

	}

	/** What the notification does to a person's household. */
	public enum Movement {

		/**
		 * Leaves the household as recorded (part of it moves, separates, joins another).
		 */
		LEAVES,
		/** Moves with the whole household: nobody stays. */
		WHOLE_HOUSEHOLD,
		/** Stays in the household (a 世帯主変更 changes only who heads it). */
		STAYS,
		/** A person the record did not list with the household (added by hand). */
		NOT_RECORDED

	}

	/** The 続柄 of a head of household. */
	public static final String HEAD = "世帯主";

}
