/** The forms API, the signature page for the pen tablet and the template editor. */
@NullMarked
package jp.madoguchi.forms.web;

import org.jspecify.annotations.NullMarked;
