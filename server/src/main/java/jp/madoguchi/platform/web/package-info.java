/**
 * Web conventions shared by all modules: problem details, error pages, the staff start
 * page, what the page layout needs in every model, and the language choice (Japanese by
 * default, English second).
 */
@NullMarked
package jp.madoguchi.platform.web;

import org.jspecify.annotations.NullMarked;
