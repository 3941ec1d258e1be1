package jp.madoguchi.guidance;

import java.util.List;

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
 */
public record GuidedProcedure(String code, String name, String nameEn, String plainName, String department,
		String counter, List<String> documents, List<String> reasons, List<String> forms, String explanation,
		int routeOrder) {

	public GuidedProcedure {
		documents = List.copyOf(documents);
		reasons = List.copyOf(reasons);
		forms = List.copyOf(forms);
	}

}
