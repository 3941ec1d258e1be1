package jp.madoguchi.forms;

/**
 * A form a procedure of the guide names but no template exists for: staff are told, so
 * the resident is given the printed form by hand instead of nothing.
 *
 * @param formId the form id the procedure master names
 * @param procedureCode the procedure, e.g. {@code NATIONAL_PENSION_JOIN}
 * @param procedureName its Japanese name
 */
public record MissingForm(String formId, String procedureCode, String procedureName) {

}
