package jp.madoguchi.guidance.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A procedure of the master (手続きマスタ).
 *
 * @param building 庁舎, e.g. 防災庁舎
 * @param floor e.g. 1階
 * @param window e.g. 3番窓口
 * @param noFormReason why the procedure has no form (shown on the guide), null when it
 * names forms or nobody has said yet
 */
public record Procedure(String code, String name, String nameEn, String plainName, String department, String building,
		String floor, String window, List<String> documents, List<String> forms, String explanation, int routeOrder,
		@Nullable String noFormReason) {

	public Procedure {
		documents = List.copyOf(documents);
		forms = List.copyOf(forms);
		noFormReason = (noFormReason == null || noFormReason.isBlank()) ? null : noFormReason.strip();
	}

	/** Where to go, as one line: "防災庁舎 1階 3番窓口". */
	public String counter() {
		return String.join(" ", building, floor, window).strip();
	}

}
