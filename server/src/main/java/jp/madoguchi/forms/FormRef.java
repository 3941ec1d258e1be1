package jp.madoguchi.forms;

/** A form a notification needs: its id (in URLs) and its Japanese title. */
public record FormRef(String formId, String title) {

}
