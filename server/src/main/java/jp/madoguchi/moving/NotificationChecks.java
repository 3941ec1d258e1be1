package jp.madoguchi.moving;

import java.util.List;
import java.util.Locale;

/**
 * The law-based checks of a notification without saving it and without a database, so
 * that the public pre-application site (role public) checks what residents enter the way
 * the counter will. The public role knows only the shipped list of 続柄 and skips the print
 * font check (a warning for staff, not for residents).
 */
public interface NotificationChecks {

	/** The findings of the content, messages in the given language where translated. */
	List<Finding> check(NotificationContent content, Locale locale);

	/** The 続柄 names the checks accept, in their usual order. */
	List<String> relationships();

}
