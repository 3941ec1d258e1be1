/**
 * The guide API, the staff panel and guide sheet, the rule bundle export and rule
 * editing.
 */
@NullMarked
package jp.madoguchi.guidance.web;

import org.jspecify.annotations.NullMarked;
