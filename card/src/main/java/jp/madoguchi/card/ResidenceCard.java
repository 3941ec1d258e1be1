package jp.madoguchi.card;

import java.time.LocalDate;
import java.util.List;

/**
 * What a residence card (在留カード) or special permanent resident certificate (特別永住者証明書)
 * holds, as {@link ResidenceCardReader} read it.
 *
 * @param kind which of the two cards
 * @param cardNumber the twelve characters printed on the card (the authentication proved
 * the card has this number)
 * @param face the card-face items as text, or null when the card records them only as the
 * front image (see docs/card-agent.md)
 * @param addresses 住居地 entries on the back, oldest first; the last is the present one
 * @param comprehensivePermission 資格外活動許可 (包括許可) as written on the back, "" when none
 * @param individualPermission 資格外活動許可 (個別許可), "" when none
 * @param pendingApplication the 在留期間更新等許可申請欄 on the back
 * @param frontImagePng the front image converted to PNG, empty when the card has none or
 * its format could not be decoded
 * @param photoFormat the format of the face photo the card holds ("JPEG2000"), "" when
 * none
 * @param photo the face photo as the card holds it (the value of D1), empty when none;
 * the JDK cannot decode JPEG 2000, so converting it is left to the caller
 * @param signature the outcome of the issuer signature check
 */
public record ResidenceCard(Kind kind, String cardNumber, CardFace face, List<Address> addresses,
		String comprehensivePermission, String individualPermission, PendingApplication pendingApplication,
		byte[] frontImagePng, String photoFormat, byte[] photo, SignatureCheck signature) {

	public ResidenceCard {
		addresses = List.copyOf(addresses);
		frontImagePng = frontImagePng.clone();
		photo = photo.clone();
	}

	@Override
	public byte[] photo() {
		return this.photo.clone();
	}

	@Override
	public byte[] frontImagePng() {
		return this.frontImagePng.clone();
	}

	/** The present 住居地, or null when the back holds none. */
	public Address currentAddress() {
		return this.addresses.isEmpty() ? null : this.addresses.get(this.addresses.size() - 1);
	}

	@Override
	public String toString() {
		return "ResidenceCard[" + this.kind + ", personal data]";
	}

	/** The card type of MF/EF02 (tag C1). */
	public enum Kind {

		/** '1': 在留カード (中長期在留者). */
		RESIDENCE_CARD,

		/** '2': 特別永住者証明書. */
		SPECIAL_PERMANENT_RESIDENT_CERTIFICATE

	}

	/** The 在留期間更新等許可申請欄 (DF2/EF04, tag D7). */
	public enum PendingApplication {

		/** Nothing recorded. */
		NONE,

		/** 在留期間更新許可申請中. */
		EXTENSION,

		/** 在留資格変更許可申請中. */
		CHANGE_OF_STATUS

	}

	/** How the issuer's signature (DF3) turned out. */
	public enum SignatureCheck {

		/** The check code verifies with the configured issuer key. */
		VALID,

		/** No issuer key is configured: the data is returned unchecked. */
		NOT_CHECKED,

		/** The card carries no check code (some cards of July/August 2012). */
		UNSIGNED

	}

	/**
	 * The card-face items as text.
	 *
	 * @param nameAlphabet name in the Latin alphabet, as printed ("NGUYEN VAN AN")
	 * @param nameKanji 漢字氏名 where the card shows one (併記), "" otherwise
	 * @param birthDate date of birth
	 * @param sex sex (ISO 5218)
	 * @param nationality 国籍・地域 as printed
	 * @param residenceStatus 在留資格 ("" on a special permanent resident certificate)
	 * @param periodOfStay 在留期間 as printed ("3年"), "" when none
	 * @param periodOfStayEndsOn 在留期間の満了日, null when none (特別永住者, 永住者)
	 * @param permissionType 許可の種類 ("在留期間更新許可"), "" when none
	 * @param permittedOn 許可年月日, null when none
	 * @param workRestriction 就労制限の有無 as printed, "" on a special permanent resident
	 * certificate
	 * @param issuedOn 交付年月日
	 * @param expiresOn 有効期間の満了日 of the card
	 */
	public record CardFace(String nameAlphabet, String nameKanji, LocalDate birthDate, MyNumberCardReader.Sex sex,
			String nationality, String residenceStatus, String periodOfStay, LocalDate periodOfStayEndsOn,
			String permissionType, LocalDate permittedOn, String workRestriction, LocalDate issuedOn,
			LocalDate expiresOn) {

		@Override
		public String toString() {
			return "CardFace[personal data]";
		}

	}

	/**
	 * One 住居地 entry of the back (DF2/EF01: D2 date, D3 municipality code, D4 address).
	 *
	 * @param recordedOn 記載年月日
	 * @param municipalityCode the municipality's code (全国地方公共団体コード, 6 digits)
	 * @param address 住居地
	 */
	public record Address(LocalDate recordedOn, String municipalityCode, String address) {

		@Override
		public String toString() {
			return "Address[personal data]";
		}

	}

}
