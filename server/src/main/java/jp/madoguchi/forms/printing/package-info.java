/** Print jobs over IPP (jipp): persisted before sending, state read back, retried. */
@NullMarked
package jp.madoguchi.forms.printing;

import org.jspecify.annotations.NullMarked;
