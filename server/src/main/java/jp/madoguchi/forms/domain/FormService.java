package jp.madoguchi.forms.domain;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.FormRef;
import jp.madoguchi.forms.MissingForm;
import jp.madoguchi.forms.Forms;
import jp.madoguchi.forms.RenderedForm;
import jp.madoguchi.forms.render.FormRenderer;
import jp.madoguchi.forms.render.QrStamp;
import jp.madoguchi.forms.render.SignatureMark;
import jp.madoguchi.forms.render.SignatureMarks;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.Signers;
import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.GuidedProcedure;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.QrImages;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.TicketLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
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

	/**
	 * Requests a resident often makes on the same visit: listed when their template
	 * exists, printed when asked.
	 */
	private static final List<String> ON_REQUEST = List.of("residence-certificate-request", "seal-certificate-request",
			"power-of-attorney");

	private static final Logger log = LoggerFactory.getLogger(FormService.class);

	private final MovingNotifications notifications;

	private final Receptions receptions;

	private final ProcedureGuide guide;

	private final FormTemplateRepository templates;

	private final FormRenderer renderer;

	private final SignatureService signatures;

	private final AuditTrail audit;

	private final Clock clock;

	private final String addressee;

	private final String homeDepartment;

	private final String homeCounter;

	private final ObjectProvider<TicketLinks> ticketLinks;

	private final QrImages qrImages;

	FormService(MovingNotifications notifications, Receptions receptions, ProcedureGuide guide,
			FormTemplateRepository templates, FormRenderer renderer, SignatureService signatures, AuditTrail audit,
			Clock clock, @Value("${madoguchi.forms.addressee:釧路市長}") String addressee,
			@Value("${madoguchi.forms.home-department:市民課}") String homeDepartment,
			@Value("${madoguchi.forms.home-counter:防災庁舎 1階 1番窓口}") String homeCounter,
			ObjectProvider<TicketLinks> ticketLinks, QrImages qrImages) {
		this.homeDepartment = homeDepartment;
		this.homeCounter = homeCounter;
		this.ticketLinks = ticketLinks;
		this.qrImages = qrImages;
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
		return list(view).forms();
	}

	/**
	 * The forms of a notification and the forms its procedures name that have no
	 * template: one guide evaluation, one read of the templates.
	 */
	public FormList list(NotificationView view) {
		Guide evaluated = guide.evaluate(view.content());
		Map<String, String> titles = templates.currentAll()
			.stream()
			.collect(Collectors.toMap(StoredTemplate::formId, t -> t.template().title()));
		Set<String> ids = new LinkedHashSet<>();
		ids.add(MOVING_NOTIFICATION);
		List<MissingForm> missing = new ArrayList<>();
		for (GuidedProcedure procedure : evaluated.procedures()) {
			for (String id : procedure.forms()) {
				// a city may name a form in the master before its template exists: staff
				// are told, never left to notice a form is not there
				if (titles.containsKey(id)) {
					ids.add(id);
				}
				else {
					missing.add(new MissingForm(id, procedure.code(), procedure.name()));
				}
			}
		}
		if (!evaluated.procedures().isEmpty()) {
			ids.add(GUIDE_SHEET);
		}
		ids.add(RECEPTION_TICKET);
		List<FormRef> forms = new ArrayList<>();
		for (String id : ids) {
			String title = titles.get(id);
			if (title != null) {
				forms.add(new FormRef(id, title));
			}
		}
		for (String id : ON_REQUEST) {
			String title = titles.get(id);
			if (title != null) {
				forms.add(new FormRef(id, title, true));
			}
		}
		if (!missing.isEmpty()) {
			log.warn("Procedures name forms without a template: {}",
					missing.stream().map(m -> m.procedureCode() + "/" + m.formId()).toList());
		}
		return new FormList(forms, missing);
	}

	/**
	 * What a notification prints, and what it would print had every form a template.
	 *
	 * @param missing forms the guide's procedures name that have no template: shown to
	 * staff
	 */
	public record FormList(List<FormRef> forms, List<MissingForm> missing) {

		public FormList {
			forms = List.copyOf(forms);
			missing = List.copyOf(missing);
		}

	}

	/**
	 * The signatures the forms of a visit need (forms asked for on request left out):
	 * each person once, with the forms their signature covers, as the templates'
	 * signature elements declare; signed when the person's own signature signs the
	 * current content of every one of those forms.
	 */
	public List<SignatureNeeded> signaturesNeeded(NotificationView view) {
		Visit visit = visit(view);
		SignatureService.Signed signed = signatures.signed(view.id(), view.content());
		List<SignatureNeeded> needed = new ArrayList<>();
		for (Coverage coverage : coverage(visit).values()) {
			needed.add(new SignatureNeeded(coverage.name, List.copyOf(coverage.roles),
					List.copyOf(coverage.titles.values()), signed.signedBy(coverage.name, coverage.hashes)));
		}
		return needed;
	}

	/**
	 * Stores a signature for the forms it covers, each bound to the hash of its content:
	 * a signer's forms, or every form of the visit for a signature of the notification as
	 * a whole (no signer).
	 * @throws ProblemException 422 {@code SIGNATURE_INVALID} for a signer no form asks
	 * for, and as {@link SignatureService#capture}
	 */
	public SignatureService.Status sign(NotificationView view, String contentHash, List<List<double[]>> strokes,
			@Nullable String signer) {
		Visit visit = visit(view);
		Map<String, String> hashes = new LinkedHashMap<>();
		if (signer == null) {
			visit.forms()
				.stream()
				.filter(f -> !f.ref().onRequest())
				.forEach(f -> hashes.put(f.ref().formId(), f.hash()));
		}
		else {
			Coverage coverage = coverage(visit).get(signer);
			if (coverage == null) {
				// a person signs only where the forms ask for their signature
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SIGNATURE_INVALID").because("signer");
			}
			hashes.putAll(coverage.hashes);
		}
		return signatures.capture(view.id(), view.content(), contentHash, strokes, signer, hashes);
	}

	/**
	 * Refuses printing while a signature these forms need is missing or no longer signs
	 * their content, naming each person and their forms.
	 * @throws ProblemException 422 {@code SIGNATURE_MISSING} with {@code missing: [{name,
	 * forms}]}
	 */
	private void requireSignatures(Visit visit, Set<String> formIds) {
		SignatureService.Signed signed = signatures.signed(visit.view().id(), visit.view().content());
		List<Map<String, Object>> missing = new ArrayList<>();
		List<String> named = new ArrayList<>();
		for (Coverage coverage : coverage(visit).values()) {
			Map<String, String> hashes = new LinkedHashMap<>(coverage.hashes);
			hashes.keySet().retainAll(formIds);
			if (hashes.isEmpty() || signed.signedBy(coverage.name, hashes)) {
				continue;
			}
			List<String> titles = hashes.keySet().stream().map(coverage.titles::get).toList();
			String name = (coverage.name != null) ? coverage.name : "届出人";
			missing.add(Map.of("name", name, "forms", titles));
			named.add(name + "（" + String.join("、", titles) + "）");
		}
		if (!missing.isEmpty()) {
			audit.record(AuditEntry.failure("PRINT_REFUSED", subject(visit.view().id()),
					"SIGNATURE_MISSING persons=" + missing.size()));
			// the message's argument: the names with their forms, as the bundle words
			// them
			String whose = String.join("、", named);
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SIGNATURE_MISSING",
					Map.of("missing", missing), whose);
		}
	}

	/** Whose signature which forms need, by signer ("" for a form naming nobody). */
	private static Map<String, Coverage> coverage(Visit visit) {
		Map<String, Coverage> coverage = new LinkedHashMap<>();
		for (PreparedForm form : visit.forms()) {
			if (form.ref().onRequest()) {
				continue;
			}
			for (Signers.Signer signer : Signers.of(form.stored().template(), form.data())) {
				Coverage c = coverage.computeIfAbsent((signer.name() != null) ? signer.name() : "",
						k -> new Coverage(signer.name()));
				c.roles.add(signer.role());
				c.titles.put(form.ref().formId(), form.ref().title());
				c.hashes.put(form.ref().formId(), form.hash());
			}
		}
		return coverage;
	}

	/** One signer's forms. */
	private static final class Coverage {

		final @Nullable String name;

		final Set<String> roles = new LinkedHashSet<>();

		final Map<String, String> titles = new LinkedHashMap<>();

		final Map<String, String> hashes = new LinkedHashMap<>();

		Coverage(@Nullable String name) {
			this.name = name;
		}

	}

	/**
	 * A visit's forms filled in (not yet drawn): the notification, its guide, and each
	 * form with its template, data and content hash.
	 */
	record Visit(NotificationView view, Guide guide, FormData data, ZonedDateTime now, List<PreparedForm> forms) {

	}

	/** One form of a visit, ready to draw. */
	record PreparedForm(FormRef ref, StoredTemplate stored, FormData data, String hash) {

	}

	private Visit visit(NotificationView view) {
		ZonedDateTime now = ZonedDateTime.now(clock);
		Guide evaluated = guide.evaluate(view.content());
		FormData data = FormDataFactory.of(view, evaluated, now, addressee,
				notifications.beforeAndAfter(view).orElse(null));
		Map<String, StoredTemplate> current = templates.currentAll()
			.stream()
			.collect(Collectors.toMap(StoredTemplate::formId, t -> t));
		List<PreparedForm> forms = new ArrayList<>();
		for (FormRef ref : list(view).forms()) {
			StoredTemplate stored = current.get(ref.formId());
			if (stored != null) {
				FormData filled = FormDataFactory.forForm(data, ref.formId());
				forms.add(new PreparedForm(ref, stored, filled, SignatureService.formHash(stored, filled)));
			}
		}
		return new Visit(view, evaluated, data, now, forms);
	}

	@Override
	public RenderedForm render(UUID notificationId, String formId) {
		return render(notificationId, formId, false);
	}

	/**
	 * The form as a PDF; with {@code fullMyNumbers} (the caller holds MY_NUMBER_VIEW) a
	 * form that carries My Numbers prints them in full, audited
	 * {@code MY_NUMBER_PRINTED}.
	 */
	public RenderedForm render(UUID notificationId, String formId, boolean fullMyNumbers) {
		StoredTemplate stored = template(formId);
		NotificationView view = load(notificationId);
		Visit visit = visit(view);
		PreparedForm form = visit.forms()
			.stream()
			.filter(f -> f.ref().formId().equals(formId))
			.findFirst()
			.orElseGet(() -> {
				// a form the visit does not list still renders, about every person
				FormData filled = FormDataFactory.forForm(visit.data(), formId);
				return new PreparedForm(new FormRef(formId, stored.template().title()), stored, filled,
						SignatureService.formHash(stored, filled));
			});
		return draw(visit, form, signatures.signed(view.id(), view.content()), fullMyNumbers);
	}

	/**
	 * Refuses to print these forms of the notification while a signature they need is
	 * missing.
	 * @throws ProblemException 422 {@code SIGNATURE_MISSING} naming whose
	 */
	public void requireSignatures(UUID notificationId, Set<String> formIds) {
		requireSignatures(visit(load(notificationId)), formIds);
	}

	/**
	 * Every form of a visit the notification and its procedures need (forms on request
	 * left out), drawn and grouped by the department that handles it, in the order of the
	 * route: the home department (the notification itself, the guide sheet, the ticket)
	 * first, each stack with its cover sheet. Refused while a signature is missing.
	 * @param ticketNumber the reception's ticket number for the cover sheets; null: the
	 * notification's reference
	 * @param fullMyNumbers the caller holds MY_NUMBER_VIEW: forms that carry My Numbers
	 * print them in full (each such form audited)
	 * @throws ProblemException 422 {@code SIGNATURE_MISSING} naming whose
	 */
	public List<DepartmentStack> visitStacks(UUID notificationId, @Nullable String ticketNumber,
			boolean fullMyNumbers) {
		NotificationView view = load(notificationId);
		Visit visit = visit(view);
		List<PreparedForm> required = visit.forms().stream().filter(f -> !f.ref().onRequest()).toList();
		requireSignatures(visit, required.stream().map(f -> f.ref().formId()).collect(Collectors.toSet()));
		SignatureService.Signed signed = signatures.signed(view.id(), view.content());
		Map<String, GuidedProcedure> byForm = new LinkedHashMap<>();
		for (GuidedProcedure procedure : visit.guide().procedures()) {
			procedure.forms().forEach(id -> byForm.putIfAbsent(id, procedure));
		}
		Map<String, Set<String>> counters = new LinkedHashMap<>();
		Map<String, List<StackForm>> stacks = new LinkedHashMap<>();
		counters.put(homeDepartment, new LinkedHashSet<>(List.of(homeCounter)));
		stacks.put(homeDepartment, new ArrayList<>());
		for (PreparedForm form : required) {
			GuidedProcedure procedure = byForm.get(form.ref().formId());
			String department = (procedure != null) ? procedure.department() : homeDepartment;
			Set<String> at = counters.computeIfAbsent(department, d -> new LinkedHashSet<>());
			if (procedure != null && !procedure.counter().isBlank()) {
				at.add(procedure.counter());
			}
			stacks.computeIfAbsent(department, d -> new ArrayList<>())
				.add(new StackForm(draw(visit, form, signed, fullMyNumbers), form.stored().template().printSettings()));
		}
		List<DepartmentStack> result = new ArrayList<>();
		stacks.forEach((department, forms) -> {
			if (!forms.isEmpty()) {
				List<String> at = List.copyOf(counters.get(department));
				result.add(new DepartmentStack(department, at, coverSheet(visit, department, at, forms, ticketNumber),
						forms));
			}
		});
		return result;
	}

	/**
	 * One department's forms of a visit, drawn.
	 *
	 * @param counters where the department's procedures are handled ("防災庁舎 1階 4番窓口")
	 * @param cover the cover sheet (PDF, one page)
	 */
	public record DepartmentStack(String department, List<String> counters, byte[] cover, List<StackForm> forms) {

		public DepartmentStack {
			counters = List.copyOf(counters);
			forms = List.copyOf(forms);
		}

	}

	/** A drawn form and how its template asks it to be printed. */
	public record StackForm(RenderedForm form, FormTemplate.PrintSettings print) {

	}

	/**
	 * The cover sheet of a department's stack: the ticket number (the reception's when
	 * given, else the notification's reference), the department and its counters, the
	 * resident's name and the forms in the stack.
	 */
	private byte[] coverSheet(Visit visit, String department, List<String> counters, List<StackForm> forms,
			@Nullable String ticketNumber) {
		FormData data = visit.data();
		List<String> titles = forms.stream()
			.map(f -> f.form().title() + ((f.print().copies() > 1) ? "（" + f.print().copies() + "部）" : "")
					+ (f.print().duplex() ? "（両面）" : ""))
			.toList();
		FormData.Procedure cover = new FormData.Procedure(0, "PRINT_COVER", department, department,
				String.join("・", counters), titles, List.of(), List.of(), null, List.of());
		FormData filled = data.withTicket((ticketNumber != null) ? ticketNumber : data.reference())
			.forProcedure(cover, List.of());
		byte[] pdf = renderer.render(CoverSheet.TEMPLATE, filled, null, visit.now());
		audit.record(AuditEntry.success("FORM_RENDERED", subject(visit.view().id()), "print-cover " + department));
		return pdf;
	}

	private RenderedForm draw(Visit visit, PreparedForm form, SignatureService.Signed signed, boolean fullMyNumbers) {
		FormData data = form.data();
		boolean full = fullMyNumbers && CoverSheet.carriesMyNumber(form.stored().template())
				&& data.persons().stream().anyMatch(p -> p.myNumber() != null);
		if (full) {
			List<@Nullable String> numbers = notifications.myNumbersInFull(visit.view().id(),
					"printed on " + form.ref().formId());
			data = FormDataFactory.forForm(visit.data().withMyNumbers(numbers), form.ref().formId());
		}
		RenderedForm rendered = render(form.stored(), data, signed.marksFor(form.ref().formId(), form.hash()),
				subject(visit.view().id()), visit.now());
		if (full) {
			audit.record(AuditEntry.success("MY_NUMBER_PRINTED", subject(visit.view().id()),
					form.ref().formId() + " v" + form.stored().version()));
		}
		return rendered;
	}

	private static String subject(UUID notificationId) {
		return "notification:" + notificationId;
	}

	/**
	 * The 受付票 of a reception with its ticket number; filled from the reception's
	 * notification when it has one (read through the moving facade, audited there).
	 * @throws ProblemException 404 {@code RECEPTION_NOT_FOUND}
	 */
	public RenderedForm renderReceptionTicket(UUID receptionId) {
		ReceptionView reception = receptions.find(receptionId)
			.orElseThrow(() -> ProblemException.notFound("RECEPTION_NOT_FOUND"));
		RenderedForm form = renderReceptionTicket(reception);
		TicketLinks links = ticketLinks.getIfAvailable();
		String phonePage = (links != null) ? links.phonePage(reception).orElse(null) : null;
		if (phonePage == null) {
			return form;
		}
		// The ticket's page on the resident's phone (signed day and number, no name).
		return new RenderedForm(form.formId(), form.title(), form.templateVersion(),
				QrStamp.onFirstPage(form.pdf(), qrImages.image(phonePage)));
	}

	private RenderedForm renderReceptionTicket(ReceptionView reception) {
		UUID receptionId = reception.id();
		StoredTemplate stored = template(RECEPTION_TICKET);
		ZonedDateTime now = ZonedDateTime.now(clock);
		String ticket = Integer.toString(reception.ticketNumber());
		UUID notificationId = reception.notificationId();
		if (notificationId == null) {
			return render(stored, FormDataFactory.ofReception(reception, now, addressee), SignatureMarks.NONE,
					"reception:" + receptionId, now);
		}
		NotificationView view = load(notificationId);
		FormData data = FormDataFactory
			.withTicket(FormDataFactory.of(view, guide.evaluate(view.content()), now, addressee), ticket);
		return render(stored, data, signatures.marks(view.id(), view.content()), "reception:" + receptionId, now);
	}

	private RenderedForm render(StoredTemplate stored, FormData data, SignatureMarks signature, String subject,
			ZonedDateTime now) {
		try {
			byte[] pdf = renderer.renderSigned(stored.template(), data, signature, now);
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
