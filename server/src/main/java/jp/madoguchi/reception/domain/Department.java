package jp.madoguchi.reception.domain;

import java.util.List;

/**
 * 課. {@code guideNames} are the 担当課 texts of the procedure guide this department handles,
 * matched as prefixes.
 */
public record Department(String code, String name, String nameEn, List<String> guideNames, boolean sample) {

	public Department {
		guideNames = List.copyOf(guideNames);
	}

	public boolean handles(String guideDepartment) {
		return guideNames.stream().anyMatch(guideDepartment::startsWith);
	}

}
