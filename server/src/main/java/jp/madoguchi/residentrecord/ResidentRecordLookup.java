package jp.madoguchi.residentrecord;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Asks the city's resident-record system who lives where now, so that 転出, 転居 and 世帯変更 can
 * start from what the city already knows. Implementations: an HTTP client of the
 * resident-record system and a reader of the resident snapshot file the city exports
 * (docs/resident-record.md describes both formats).
 */
public interface ResidentRecordLookup {

	/**
	 * Residents matching every given criterion; names match with variant and kana
	 * folding. Empty when nobody matches.
	 * @throws LookupUnavailableException when the source cannot be read or reached
	 */
	List<Resident> find(ResidentQuery query);

	/**
	 * The residents with these 宛名番号, in the order asked; ids nobody has are left out.
	 * @throws LookupUnavailableException when the source cannot be read or reached
	 */
	List<Resident> findByIds(Collection<String> residentIds);

	/**
	 * Every member of these households (世帯番号) in one question: by household in the order
	 * asked, each household's members in the source's order; a household nobody belongs
	 * to is left out. The household search lists up to 50 households and asks for them
	 * all at once.
	 * @throws LookupUnavailableException when the source cannot be read or reached
	 */
	Map<String, List<Resident>> findHouseholds(Collection<String> householdIds);

	/**
	 * Moving-out data sent ahead (特例転入) with a person matching every given criterion, or
	 * with the given planned visit date.
	 * @throws LookupUnavailableException when the source cannot be read or reached
	 */
	List<SentAhead> findSentAhead(SentAheadQuery query);

	/**
	 * The data sent ahead with these numbers, in the order asked; unknown ones are left
	 * out.
	 * @throws LookupUnavailableException when the source cannot be read or reached
	 */
	List<SentAhead> findSentAheadByIds(Collection<String> noticeIds);

	/** Where the answers come from, e.g. {@code http://…} or {@code snapshot:/path}. */
	String source();

	/** The source could not answer; the message says why, in Japanese. */
	class LookupUnavailableException extends RuntimeException {

		public LookupUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

		public LookupUnavailableException(String message) {
			super(message);
		}

	}

}
