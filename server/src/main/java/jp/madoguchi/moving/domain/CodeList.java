package jp.madoguchi.moving.domain;

/**
 * The code masters of the resident-record standard this module keeps (issue 17): each
 * code has a label, a source and a period of validity; a city may add its own.
 */
public enum CodeList {

	/** 続柄, as seen from the head of household; notifications hold it per person. */
	RELATIONSHIPS("relationship", false, true),
	/**
	 * 異動事由: one per notification kind (type and variant) on a given day; notifications
	 * hold it.
	 */
	MOVE_REASONS("moveReason", true, true),
	/**
	 * 届出の種類: one per notification type and variant on a given day. Notifications do not
	 * hold it: acceptance looks it up and the resident-record document carries it.
	 */
	NOTIFICATION_KINDS("notificationKind", true, false);

	private final String subject;

	private final boolean perKind;

	private final boolean heldByNotifications;

	CodeList(String subject, boolean perKind, boolean heldByNotifications) {
		this.subject = subject;
		this.perKind = perKind;
		this.heldByNotifications = heldByNotifications;
	}

	/** The audit subject of a code of this list, e.g. {@code relationship:01}. */
	public String subject(String code) {
		return subject + ":" + code;
	}

	/**
	 * Whether each code stands for one notification type and variant, and each of them
	 * has one code a day.
	 */
	public boolean perKind() {
		return perKind;
	}

	/**
	 * Whether stored notifications hold the codes of this list, so that a code in use
	 * cannot be changed, retired under them or deleted.
	 */
	public boolean heldByNotifications() {
		return heldByNotifications;
	}

}
