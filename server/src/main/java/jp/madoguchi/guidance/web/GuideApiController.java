package jp.madoguchi.guidance.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.guidance.domain.Procedure;
import jp.madoguchi.guidance.domain.ProcedureGuideService;
import jp.madoguchi.guidance.domain.RuleAdministration;
import jp.madoguchi.guidance.domain.RuleBundle;
import jp.madoguchi.guidance.domain.RuleCatalogue.StoredRule;
import jp.madoguchi.guidance.domain.RuleVersion;
import jp.madoguchi.guidance.domain.TranslationState;
import jp.madoguchi.platform.CsvTable;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The procedure guide API (docs/design/http-api.md "Procedure guide") and the master's
 * rules.
 */
@RestController
@RequestMapping("/api/v1/guidance")
class GuideApiController {

	static final String CAN_READ = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT', 'RECEPTION')";

	static final String CAN_ADMINISTER = "hasAuthority('MASTER_ADMIN')";

	private final ProcedureGuide guide;

	private final ProcedureGuideService engine;

	private final RuleAdministration administration;

	private final NotificationInput input;

	GuideApiController(ProcedureGuide guide, ProcedureGuideService engine, RuleAdministration administration,
			NotificationInput input) {
		this.guide = guide;
		this.engine = engine;
		this.administration = administration;
		this.input = input;
	}

	/**
	 * {@code {"notificationId": "…"}} or a notification body (not saved) → the procedures
	 * in route order, each with reasons; rules that could not be evaluated in
	 * {@code skippedRules}.
	 */
	@PostMapping("/evaluate")
	@PreAuthorize(CAN_READ)
	Guide evaluate(@RequestBody JsonNode body, @RequestParam(name = "lang", required = false) @Nullable String lang) {
		return (lang != null) ? guide.evaluate(input.read(body, true), lang) : guide.evaluate(input.read(body, true));
	}

	/** The rule set in force as a versioned bundle, for the public role. */
	@GetMapping("/bundle")
	@PreAuthorize("isAuthenticated()")
	RuleBundle bundle() {
		return engine.bundle();
	}

	@GetMapping("/procedures")
	@PreAuthorize(CAN_READ + " or " + CAN_ADMINISTER)
	List<Procedure> procedures() {
		return administration.procedures();
	}

	@GetMapping("/procedures/{code}/rules")
	@PreAuthorize(CAN_ADMINISTER)
	List<StoredRule> rules(@PathVariable String code) {
		return administration.rules(code);
	}

	/**
	 * Stores a rule version from {@code effectiveFrom}; 422 {@code RULE_INVALID} with
	 * {@code line}, {@code column} and {@code reason} when it does not compile.
	 */
	@PutMapping("/procedures/{code}/rules")
	@PreAuthorize(CAN_ADMINISTER)
	RuleVersion saveRule(@PathVariable String code, @Valid @RequestBody RuleBody body, Principal caller) {
		LocalDate from = body.effectiveFrom();
		if (from == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
					Map.of("field", "effectiveFrom"))
				.because("effectiveFrom");
		}
		return administration.save(code, from, body.source(), body.note(), caller.getName());
	}

	/**
	 * Replaces what a procedure says: names, department, counter, documents, forms,
	 * order.
	 */
	@PutMapping("/procedures/{code}")
	@PreAuthorize(CAN_ADMINISTER)
	Procedure saveProcedure(@PathVariable String code, @Valid @RequestBody ProcedureBody body, Principal caller) {
		return administration.saveProcedure(body.toProcedure(code), caller.getName());
	}

	record ProcedureBody(@NotNull @Size(max = 200) String name, @NotNull @Size(max = 200) String nameEn,
			@NotNull @Size(max = 200) String plainName, @NotNull @Size(max = 100) String department,
			@NotNull @Size(max = 100) String building, @NotNull @Size(max = 50) String floor,
			@NotNull @Size(max = 50) String window, @Size(max = 30) @Nullable List<@Size(max = 200) String> documents,
			@Size(max = 30) @Nullable List<@Size(max = 100) String> forms,
			@NotNull @Size(max = 2000) String explanation, int routeOrder,
			@Size(max = 500) @Nullable String noFormReason) {

		Procedure toProcedure(String code) {
			return new Procedure(code, name.strip(), nameEn.strip(), plainName.strip(), department.strip(),
					building.strip(), floor.strip(), window.strip(), (documents != null) ? documents : List.of(),
					(forms != null) ? forms : List.of(), explanation.strip(), routeOrder, noFormReason);
		}

	}

	/**
	 * Every text residents read of the procedure, per translated language: TRANSLATED,
	 * OUTDATED (the Japanese changed since) or MISSING.
	 */
	@GetMapping("/procedures/{code}/translations")
	@PreAuthorize(CAN_ADMINISTER)
	List<TranslationState> translations(@PathVariable String code) {
		return administration.translations(code);
	}

	/** What is not translated, over the whole master, per language. */
	@GetMapping("/translations/missing")
	@PreAuthorize(CAN_ADMINISTER)
	Map<String, List<TranslationState>> missingTranslations() {
		return administration.missingTranslations();
	}

	/**
	 * Stores the translation of one text ({@code field}: {@code name},
	 * {@code documents.0}, …, {@code explanation}, {@code noFormReason}) into
	 * {@code language} ({@code en}, {@code zh}, {@code ko}, {@code vi}, {@code pt}).
	 */
	@PutMapping("/procedures/{code}/translations/{language}/{field}")
	@PreAuthorize(CAN_ADMINISTER)
	TranslationState saveTranslation(@PathVariable String code, @PathVariable String language,
			@PathVariable String field, @Valid @RequestBody TranslationBody body, Principal caller) {
		return administration.saveTranslation(code, language, field, body.text(), caller.getName());
	}

	@DeleteMapping("/procedures/{code}/translations/{language}/{field}")
	@PreAuthorize(CAN_ADMINISTER)
	ResponseEntity<Void> deleteTranslation(@PathVariable String code, @PathVariable String language,
			@PathVariable String field, Principal caller) {
		administration.deleteTranslation(code, language, field, caller.getName());
		return ResponseEntity.noContent().build();
	}

	record TranslationBody(@NotNull @Size(max = 2000) String text) {
	}

	static final List<String> PROCEDURE_HEADER = List.of("手続コード", "名称", "英語名称", "やさしい名称", "担当課", "庁舎", "階", "窓口",
			"必要書類", "様式", "説明", "案内順", "様式なしの理由");

	/**
	 * What procedures say, from a CSV file ({@link #PROCEDURE_HEADER}; 必要書類 and 様式
	 * separated by {@code |}), all or none; refusals name the line. Only procedures of
	 * the master (their codes) are changed; rules are not.
	 */
	@PostMapping(path = "/procedures/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@PreAuthorize(CAN_ADMINISTER)
	List<Procedure> importProcedures(@RequestBody byte[] body, Principal caller) {
		List<RuleAdministration.ImportedProcedure> rows = new ArrayList<>();
		for (CsvTable.Row row : CsvTable.read(body, PROCEDURE_HEADER)) {
			int routeOrder;
			try {
				routeOrder = Integer.parseInt(row.get(11));
			}
			catch (NumberFormatException ex) {
				throw CsvTable.atLine(row.line(), "案内順は数字で書いてください: " + CsvTable.shown(row.get(11)));
			}
			List<String> documents = listCell(row, 8, 200);
			List<String> forms = listCell(row, 9, 100);
			rows.add(new RuleAdministration.ImportedProcedure(row.line(),
					new Procedure(row.get(0), cell(row, 1, 200), cell(row, 2, 200), cell(row, 3, 200),
							cell(row, 4, 100), cell(row, 5, 100), cell(row, 6, 50), cell(row, 7, 50), documents, forms,
							cell(row, 10, 2000), routeOrder, cell(row, 12, 500))));
		}
		return administration.importProcedures(rows, caller.getName());
	}

	private static String cell(CsvTable.Row row, int column, int maximum) {
		String value = row.get(column);
		if (value.length() > maximum) {
			throw CsvTable.atLine(row.line(), PROCEDURE_HEADER.get(column) + "が長すぎます（" + maximum + "文字まで）。");
		}
		return value;
	}

	private static List<String> listCell(CsvTable.Row row, int column, int maximum) {
		List<String> items = Arrays.stream(row.get(column).split("\\|"))
			.map(String::strip)
			.filter(item -> !item.isEmpty())
			.toList();
		if (items.size() > 30 || items.stream().anyMatch(item -> item.length() > maximum)) {
			throw CsvTable.atLine(row.line(), PROCEDURE_HEADER.get(column) + "は30項目まで、1項目" + maximum + "文字までです。");
		}
		return items;
	}

	/** Checks a rule text without storing it. */
	@PostMapping("/rules/validate")
	@PreAuthorize(CAN_ADMINISTER)
	Map<String, Object> validate(@Valid @RequestBody RuleBody body) {
		RuleAdministration.compile(body.source());
		return Map.of("valid", true);
	}

	record RuleBody(@Nullable LocalDate effectiveFrom, @NotNull @NotBlank @Size(max = 20000) String source,
			@Size(max = 500) @Nullable String note) {
	}

}
