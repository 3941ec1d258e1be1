package jp.madoguchi.forms.domain;

import jp.madoguchi.retention.DependentsPurged;
import jp.madoguchi.moving.NotificationsPurged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Print jobs (with their PDFs) and signatures belong to a notification and go when it is
 * purged: in the purge's own transaction (a plain, synchronous listener), so none
 * outlives the notification and a notification on legal hold, never purged, keeps them.
 */
@Component
class FormsRetention {

	private final PrintJobRepository printJobs;

	private final SignatureRepository signatures;

	private final ApplicationEventPublisher events;

	FormsRetention(PrintJobRepository printJobs, SignatureRepository signatures, ApplicationEventPublisher events) {
		this.printJobs = printJobs;
		this.signatures = signatures;
		this.events = events;
	}

	@EventListener
	void onNotificationsPurged(NotificationsPurged purged) {
		events.publishEvent(
				new DependentsPurged("forms.print_jobs", printJobs.deleteOfNotifications(purged.notificationIds())));
		events.publishEvent(
				new DependentsPurged("forms.signatures", signatures.deleteOfNotifications(purged.notificationIds())));
	}

}
