/** Which forms a notification needs, the data they print, signatures. */
@NullMarked
package jp.madoguchi.forms.domain;

import org.jspecify.annotations.NullMarked;
