package jp.madoguchi.card.emulator;

import java.util.List;

/**
 * The residence card part of a {@link CardProfile} ({@code "residence": {...}}). Dates
 * are ISO dates; absent text items are left off the card.
 *
 * @param cardNumber the twelve characters printed on the card
 * @param nameAlphabet name in the alphabet
 * @param nameKanji 漢字氏名 where the card shows one
 * @param birthDate date of birth
 * @param sex ISO 5218 code
 * @param nationality 国籍・地域
 * @param residenceStatus 在留資格 (none on a special permanent resident certificate)
 * @param periodOfStay 在留期間 as printed
 * @param periodOfStayEndsOn 在留期間の満了日
 * @param permissionType 許可の種類
 * @param permittedOn 許可年月日
 * @param workRestriction 就労制限の有無
 * @param issuedOn 交付年月日
 * @param expiresOn 有効期間の満了日
 * @param addresses 住居地 entries of the back, oldest first
 * @param comprehensivePermission 資格外活動許可欄 (包括許可)
 * @param individualPermission 資格外活動許可欄 (個別許可)
 * @param pendingApplication 0 none, 1 在留期間更新許可申請中, 2 在留資格変更許可申請中
 * @param cardFace false for a card that records the face only as the front image (no text
 * file)
 * @param signed false for a card without the issuer's check code
 * @param signatureAlgorithm {@code RSA} (the first generation's check code, the default)
 * or {@code ECDSA} (the second generation's P-384 signature, test issuer
 * {@code test-issuer-ecdsa.pem})
 * @param tampered true: the card-face file was changed after issue (another name), so the
 * signature no longer matches
 */
public record ResidenceProfile(String cardNumber, String nameAlphabet, String nameKanji, String birthDate, String sex,
		String nationality, String residenceStatus, String periodOfStay, String periodOfStayEndsOn,
		String permissionType, String permittedOn, String workRestriction, String issuedOn, String expiresOn,
		List<AddressEntry> addresses, String comprehensivePermission, String individualPermission,
		String pendingApplication, Boolean cardFace, Boolean signed, String signatureAlgorithm, Boolean tampered) {

	/**
	 * One 住居地 entry.
	 *
	 * @param recordedOn ISO date
	 * @param municipalityCode six digits
	 * @param address the address
	 */
	public record AddressEntry(String recordedOn, String municipalityCode, String address) {
	}

}
