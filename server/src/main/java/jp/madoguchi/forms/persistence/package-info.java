/** Tables of the {@code forms} schema: template versions, print jobs, signatures. */
@NullMarked
package jp.madoguchi.forms.persistence;

import org.jspecify.annotations.NullMarked;
