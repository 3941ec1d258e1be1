package jp.madoguchi.moving;

/**
 * 届出の種類 as the notification-kind master names it on the day a notification is accepted:
 * what the resident-record document carries.
 *
 * @param code the master's code
 * @param label the master's label
 */
public record NotificationKind(String code, String label) {

}
