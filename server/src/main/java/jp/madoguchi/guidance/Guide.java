package jp.madoguchi.guidance;

import java.time.LocalDate;
import java.util.List;

/**
 * The guide for one notification: the procedures in the order of the route through the
 * building, and the rules that could not be evaluated (so nobody mistakes a gap for "not
 * needed").
 *
 * @param referenceDate the day ages were computed on and rules chosen for
 * @param rulesVersion the version of the rule set used (the bundle version)
 */
public record Guide(LocalDate referenceDate, String rulesVersion, List<GuidedProcedure> procedures,
		List<SkippedRule> skippedRules) {

	public Guide {
		procedures = List.copyOf(procedures);
		skippedRules = List.copyOf(skippedRules);
	}

	public List<String> codes() {
		return procedures.stream().map(GuidedProcedure::code).toList();
	}

}
