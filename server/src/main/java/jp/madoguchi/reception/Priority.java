package jp.madoguchi.reception;

/**
 * Why a resident is called before others (優先受付). Granting it is audited and it shows on
 * the board and in the inquiry.
 */
public enum Priority {

	/** 妊娠中. */
	PREGNANCY,
	/** 障がい. */
	DISABILITY,
	/** 高齢. */
	ELDERLY,
	/** その他（職員の判断）. */
	OTHER

}
