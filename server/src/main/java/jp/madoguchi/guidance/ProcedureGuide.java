package jp.madoguchi.guidance;

import jp.madoguchi.moving.NotificationContent;

/**
 * The procedure guide (手続き案内) for other modules: which procedures a notification
 * triggers, with reasons, documents, counters and forms. Runs in the counter role on the
 * rules in the database and in the public role on the exported rule bundle.
 */
public interface ProcedureGuide {

	/**
	 * Evaluates the rules in force on the notification's reference date ({@code movedOn},
	 * else {@code filedOn}, else today). Never fails because of one bad rule: that rule
	 * is left out and listed in {@link Guide#skippedRules()}.
	 */
	Guide evaluate(NotificationContent notification);

	/**
	 * As {@link #evaluate(NotificationContent)}, each procedure also with its texts in
	 * the resident's language ({@link GuidedProcedure#resident()}): the master's
	 * translation, else English, else Japanese.
	 * @param language {@code ja}, {@code easy}, {@code en}, {@code zh}, {@code ko},
	 * {@code vi}, {@code pt} (or a locale tag such as {@code zh-CN})
	 */
	Guide evaluate(NotificationContent notification, String language);

}
