package jp.madoguchi.residentrecord;

import java.util.List;

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
