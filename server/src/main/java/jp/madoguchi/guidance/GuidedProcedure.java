package jp.madoguchi.guidance;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One procedure the notification triggers.
 *
 * @param code stable procedure code, e.g. {@code NHI_JOIN}
 * @param name Japanese name
 * @param nameEn English name
 * @param plainName やさしい日本語 (plain Japanese) short text
 * @param department 担当課
 * @param counter where to go: building, floor and window
 * @param documents what to bring
 * @param reasons why it applies, each naming the person and the fact
 * @param forms ids of the forms to generate
 * @param explanation a plain-language explanation for the resident
 * @param routeOrder position on the route through the building (smaller first)
 * @param persons the positions (from 0) of the notification's persons a rule named, in
 * order; empty when only household rules matched
 * @param noFormReason why the procedure has no form, from the master (null when it has
 * forms)
 * @param resident the texts in the resident's language when a language was asked for
 * (null on the staff's guide, which is Japanese)
 */
public record GuidedProcedure(String code, String name, String nameEn, String plainName, String department,
		String counter, List<String> documents, List<String> reasons, List<String> forms, String explanation,
		int routeOrder, List<Integer> persons, @Nullable String noFormReason, @Nullable ResidentTexts resident) {

	public GuidedProcedure {
		documents = List.copyOf(documents);
		reasons = List.copyOf(reasons);
		forms = List.copyOf(forms);
		persons = List.copyOf(persons);
	}

	public GuidedProcedure(String code, String name, String nameEn, String plainName, String department, String counter,
			List<String> documents, List<String> reasons, List<String> forms, String explanation, int routeOrder,
			List<Integer> persons, @Nullable String noFormReason) {
		this(code, name, nameEn, plainName, department, counter, documents, reasons, forms, explanation, routeOrder,
				persons, noFormReason, null);
	}

}
