package jp.madoguchi.forms.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpSession;
import jp.madoguchi.forms.domain.TemplateAdministration;
import jp.madoguchi.forms.domain.StoredTemplate;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateInvalidException;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.platform.ProblemException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The template editor: the JSON of a template, its versions, and a live preview drawn
 * with the sample household. The preview is shown as an image of the first page because
 * the site's CSP forbids frames; the PDF of the same preview opens in a new tab.
 */
@Controller
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class TemplateAdminPageController {

	static final String LIST_VIEW = "forms/admin-list";

	static final String EDIT_VIEW = "forms/admin-edit";

	private static final String PREVIEWS = TemplateAdminPageController.class.getName() + ".previews";

	private static final int KEPT_PREVIEWS = 4;

	private final TemplateAdministration administration;

	TemplateAdminPageController(TemplateAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/forms/admin/templates")
	String list(Model model) {
		model.addAttribute("templates", administration.currentAll());
		return LIST_VIEW;
	}

	@GetMapping("/forms/admin/templates/{formId}")
	String edit(@PathVariable String formId, Model model) {
		StoredTemplate stored = current(formId);
		if (!model.containsAttribute("json")) {
			model.addAttribute("json", TemplateJson.writePretty(stored.template()));
		}
		return editor(stored, model);
	}

	@PostMapping("/forms/admin/templates/{formId}")
	String save(@PathVariable String formId, @RequestParam String json, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect) {
		StoredTemplate stored = current(formId);
		try {
			FormTemplate template = TemplateJson.parse(json, "「" + formId + "」");
			int version = administration.save(formId, template, (note == null || note.isBlank()) ? null : note);
			redirect.addFlashAttribute("savedVersion", version);
			return "redirect:/forms/admin/templates/" + formId;
		}
		catch (ProblemException refused) {
			model.addAttribute("json", json);
			model.addAttribute("note", note);
			model.addAttribute("errors", errors(refused));
			return editor(stored, model);
		}
	}

	/** The preview panel (an htmx partial): the first page as an image, or the errors. */
	@PostMapping("/forms/admin/templates/{formId}/preview")
	String preview(@PathVariable String formId, @RequestParam String json, Model model, HttpSession session) {
		model.addAttribute("formId", formId);
		try {
			byte[] pdf = administration.preview(TemplateJson.parse(json, "「" + formId + "」"));
			String token = UUID.randomUUID().toString();
			previews(session).put(token, new Preview(pdf, firstPage(pdf)));
			model.addAttribute("previewToken", token);
		}
		catch (ProblemException refused) {
			model.addAttribute("errors", errors(refused));
		}
		return EDIT_VIEW + " :: preview";
	}

	@GetMapping("/forms/admin/templates/preview/{token}.png")
	ResponseEntity<byte[]> previewImage(@PathVariable String token, HttpSession session) {
		Preview preview = previews(session).get(token);
		if (preview == null) {
			throw ProblemException.notFound("PREVIEW_NOT_FOUND");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(preview.png());
	}

	@GetMapping("/forms/admin/templates/preview/{token}.pdf")
	ResponseEntity<byte[]> previewPdf(@PathVariable String token, HttpSession session) {
		Preview preview = previews(session).get(token);
		if (preview == null) {
			throw ProblemException.notFound("PREVIEW_NOT_FOUND");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.body(preview.pdf());
	}

	private String editor(StoredTemplate stored, Model model) {
		model.addAttribute("formId", stored.formId());
		model.addAttribute("template", stored);
		model.addAttribute("versions", administration.versions(stored.formId()));
		return EDIT_VIEW;
	}

	private StoredTemplate current(String formId) {
		return administration.current(formId).orElseThrow(() -> ProblemException.notFound("FORM_NOT_FOUND", formId));
	}

	private static List<String> errors(ProblemException refused) {
		if (refused instanceof TemplateInvalidException invalid) {
			return invalid.errors();
		}
		return List.of(refused.getLocalizedMessage());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Preview> previews(HttpSession session) {
		Object previews = session.getAttribute(PREVIEWS);
		if (previews == null) {
			// only the last few previews: an editor typing must not fill the session
			previews = new LinkedHashMap<String, Preview>(8, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Preview> eldest) {
					return size() > KEPT_PREVIEWS;
				}
			};
			session.setAttribute(PREVIEWS, previews);
		}
		return (Map<String, Preview>) previews;
	}

	private static byte[] firstPage(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A rendered preview kept in the session for its image and PDF requests. */
	record Preview(byte[] pdf, byte[] png) implements java.io.Serializable {

	}

}
