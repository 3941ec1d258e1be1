/** The public encode API and the counter's decode API. */
@NullMarked
package jp.madoguchi.prefiling.web;

import org.jspecify.annotations.NullMarked;
