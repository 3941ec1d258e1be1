package jp.madoguchi.moving;

import java.util.List;
import java.util.Locale;

/**
 * Reads a pre-application (QR code) scanned at the counter into a notification's content,
 * so that a draft started from the resident record can be compared with it (issue 18).
 * The pre-application module implements it (it holds the counter's keys and depends on
 * moving, not the other way round).
 */
public interface PreApplications {

	/**
	 * The content of the scanned codes; several codes may come in one string.
	 * @throws jp.madoguchi.platform.ProblemException 422 when the codes cannot be read
	 * (the reason in Japanese), nothing decoded in part
	 */
	NotificationContent read(List<String> typed, Locale locale);

}
