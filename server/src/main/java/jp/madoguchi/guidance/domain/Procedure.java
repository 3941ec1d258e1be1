package jp.madoguchi.guidance.domain;

import java.util.List;

/**
 * A procedure of the master (手続きマスタ).
 *
 * @param building 庁舎, e.g. 防災庁舎
 * @param floor e.g. 1階
 * @param window e.g. 3番窓口
 */
public record Procedure(String code, String name, String nameEn, String plainName, String department, String building,
		String floor, String window, List<String> documents, List<String> forms, String explanation, int routeOrder) {

	public Procedure {
		documents = List.copyOf(documents);
		forms = List.copyOf(forms);
	}

	/** Where to go, as one line: "防災庁舎 1階 3番窓口". */
	public String counter() {
		return String.join(" ", building, floor, window).strip();
	}

}
