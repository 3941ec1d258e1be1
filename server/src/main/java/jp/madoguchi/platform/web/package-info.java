/** Web conventions shared by all modules: problem details, start page, error pages. */
@NullMarked
package jp.madoguchi.platform.web;

import org.jspecify.annotations.NullMarked;
