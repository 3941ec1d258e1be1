package jp.madoguchi.guidance.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The rule editor's form: a new version of one procedure's rule. */
class RuleForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	@Nullable LocalDate effectiveFrom;

	String source = "";

	@Nullable String note;

	String sample = "family";

}
