package jp.madoguchi.address.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.address.domain.AddressImporter;
import jp.madoguchi.address.domain.Dataset;
import jp.madoguchi.address.domain.ImportResult;
import jp.madoguchi.platform.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 住所データ: what the postal code and town tables hold, and the upload that replaces one of
 * them.
 */
@Controller
@RequestMapping("/admin/addresses")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class AddressAdminController {

	static final String VIEW = "address/admin";

	private final AddressImporter importer;

	private final MessageSource messages;

	AddressAdminController(AddressImporter importer, MessageSource messages) {
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		if (!model.containsAttribute("uploadForm")) {
			model.addAttribute("uploadForm", new UploadForm());
		}
		prepare(model);
		return VIEW;
	}

	@PostMapping
	String upload(@ModelAttribute("uploadForm") UploadForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		Dataset dataset = Map.of(Dataset.KEN_ALL.key(), Dataset.KEN_ALL, Dataset.TOWN_MASTER.key(), Dataset.TOWN_MASTER)
			.get(form.getDataset());
		if (dataset == null) {
			binding.rejectValue("dataset", "address.upload.dataset.required");
		}
		MultipartFile file = form.getFile();
		if (file == null || file.isEmpty()) {
			binding.rejectValue("file", "address.upload.file.required");
		}
		if (dataset != null && file != null && !file.isEmpty()) {
			String source = sourceName(file);
			try (InputStream in = file.getInputStream()) {
				ImportResult result = importer.importFile(dataset, in, source, null);
				redirect.addFlashAttribute("imported", ImportedBanner.of(result));
				return "redirect:/admin/addresses";
			}
			catch (ProblemException ex) {
				binding.rejectValue("file", "address.upload.failed", new Object[] { ex.getLocalizedMessage() },
						ex.getLocalizedMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		prepare(model);
		return VIEW;
	}

	private void prepare(Model model) {
		model.addAttribute("summaries", importer.summaries());
		Map<String, String> options = new LinkedHashMap<>();
		for (Dataset dataset : Dataset.values()) {
			options.put(dataset.key(),
					messages.getMessage(dataset.messageKey(), null, LocaleContextHolder.getLocale()));
		}
		model.addAttribute("datasetOptions", options);
	}

	/** The file's own name, without any directories a browser may send. */
	private static String sourceName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "upload.csv";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		return (base.length() > 200) ? base.substring(0, 200) : base;
	}

}
