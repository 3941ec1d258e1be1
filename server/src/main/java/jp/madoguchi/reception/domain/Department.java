package jp.madoguchi.reception.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 課. {@code guideNames} are the 担当課 texts of the procedure guide this department handles,
 * matched as prefixes.
 *
 * @param defaultPrinter where the department's stack of forms is printed when a visit is
 * printed (a printer name of the forms module, checked when printing); null: none, the
 * terminal's printer is used
 */
public record Department(String code, String name, String nameEn, List<String> guideNames, boolean sample,
		@Nullable String defaultPrinter) {

	public Department {
		guideNames = List.copyOf(guideNames);
		defaultPrinter = (defaultPrinter == null || defaultPrinter.isBlank()) ? null : defaultPrinter.strip();
	}

	public Department(String code, String name, String nameEn, List<String> guideNames, boolean sample) {
		this(code, name, nameEn, guideNames, sample, null);
	}

	public boolean handles(String guideDepartment) {
		return guideNames.stream().anyMatch(guideDepartment::startsWith);
	}

}
