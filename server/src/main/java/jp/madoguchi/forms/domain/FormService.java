package jp.madoguchi.forms.domain;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.FormRef;
import jp.madoguchi.forms.Forms;
import jp.madoguchi.forms.RenderedForm;
import jp.madoguchi.forms.render.FormRenderer;
import jp.madoguchi.forms.render.SignatureMark;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Which forms a notification needs and each form filled in. Notifications are read
 * through the moving module's facade (audited there as a read); every rendering is
 * audited here too, with the template version, so an archived PDF can be traced.
 */
@Service
public class FormService implements Forms {

	/** Always printed: the notification itself. */
	private static final String MOVING_NOTIFICATION = "moving-notification";

	/** The route through the building, printed when any procedure follows. */
	private static final String GUIDE_SHEET = "guide-sheet";

	/** The ticket the resident carries between counters. */
	private static final String RECEPTION_TICKET = "reception-ticket";

	private final MovingNotifications notifications;

	private final Receptions receptions;

	private final ProcedureGuide guide;

	private final FormTemplateRepository templates;

	private final FormRenderer renderer;

	private final SignatureService signatures;

	private final AuditTrail audit;

	private final Clock clock;

	private final String addressee;

	FormService(MovingNotifications notifications, Receptions receptions, ProcedureGuide guide,
			FormTemplateRepository templates, FormRenderer renderer, SignatureService signatures, AuditTrail audit,
			Clock clock, @Value("${madoguchi.forms.addressee:釧路市長}") String addressee) {
		this.notifications = notifications;
		this.receptions = receptions;
		this.guide = guide;
		this.templates = templates;
		this.renderer = renderer;
		this.signatures = signatures;
		this.audit = audit;
		this.clock = clock;
		this.addressee = addressee;
	}

	@Override
	public List<FormRef> formsFor(UUID notificationId) {
		return formsFor(load(notificationId));
	}

	/**
	 * The forms an already loaded notification needs: a page that shows the notification
	 * too reads it once (one read, one audit event).
	 */
	public List<FormRef> formsFor(NotificationView view) {
		Guide evaluated = guide.evaluate(view.content());
		Map<String, String> titles = templates.currentAll()
			.stream()
			.collect(Collectors.toMap(StoredTemplate::formId, t -> t.template().title()));
		Set<String> ids = new LinkedHashSet<>();
		ids.add(MOVING_NOTIFICATION);
		evaluated.procedures().forEach(p -> ids.addAll(p.forms()));
		if (!evaluated.procedures().isEmpty()) {
			ids.add(GUIDE_SHEET);
		}
		ids.add(RECEPTION_TICKET);
		List<FormRef> forms = new ArrayList<>();
		for (String id : ids) {
			// procedures may name forms no template exists for yet (a city adds them
			// later)
			String title = titles.get(id);
			if (title != null) {
				forms.add(new FormRef(id, title));
			}
		}
		return forms;
	}

	@Override
	public RenderedForm render(UUID notificationId, String formId) {
		StoredTemplate stored = template(formId);
		NotificationView view = load(notificationId);
		return render(view, stored);
	}

	/**
	 * Renders the current template of {@code formId} for an already loaded notification.
	 */
	private RenderedForm render(NotificationView view, StoredTemplate stored) {
		ZonedDateTime now = ZonedDateTime.now(clock);
		FormData data = FormDataFactory.of(view, guide.evaluate(view.content()), now, addressee);
		return render(stored, data, signatures.mark(view.id(), view.content()), "notification:" + view.id(), now);
	}

	/**
	 * The 受付票 of a reception with its ticket number; filled from the reception's
	 * notification when it has one (read through the moving facade, audited there).
	 * @throws ProblemException 404 {@code RECEPTION_NOT_FOUND}
	 */
	public RenderedForm renderReceptionTicket(UUID receptionId) {
		ReceptionView reception = receptions.find(receptionId)
			.orElseThrow(() -> ProblemException.notFound("RECEPTION_NOT_FOUND"));
		StoredTemplate stored = template(RECEPTION_TICKET);
		ZonedDateTime now = ZonedDateTime.now(clock);
		String ticket = Integer.toString(reception.ticketNumber());
		UUID notificationId = reception.notificationId();
		if (notificationId == null) {
			return render(stored, FormDataFactory.ofReception(reception, now, addressee), null,
					"reception:" + receptionId, now);
		}
		NotificationView view = load(notificationId);
		FormData data = FormDataFactory
			.withTicket(FormDataFactory.of(view, guide.evaluate(view.content()), now, addressee), ticket);
		return render(stored, data, signatures.mark(view.id(), view.content()), "reception:" + receptionId, now);
	}

	private RenderedForm render(StoredTemplate stored, FormData data, @Nullable SignatureMark signature, String subject,
			ZonedDateTime now) {
		try {
			byte[] pdf = renderer.render(stored.template(), data, signature, now);
			audit.record(AuditEntry.success("FORM_RENDERED", subject, stored.formId() + " v" + stored.version()));
			return new RenderedForm(stored.formId(), stored.template().title(), stored.version(), pdf);
		}
		catch (ProblemException refused) {
			audit.record(AuditEntry.failure("FORM_RENDERED", subject, stored.formId() + " " + refused.code()));
			throw refused;
		}
	}

	private StoredTemplate template(String formId) {
		return templates.current(formId).orElseThrow(() -> ProblemException.notFound("FORM_NOT_FOUND", formId));
	}

	public NotificationView load(UUID notificationId) {
		return notifications.find(notificationId)
			.orElseThrow(() -> ProblemException.notFound("NOTIFICATION_NOT_FOUND"));
	}

}
