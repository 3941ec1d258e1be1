/**
 * Forms and printing (申請書作成・印刷): form templates kept as data and versioned, PDF/A
 * rendering with IPAmj明朝 that prints each name with the glyph its variation selector
 * picks, resident signatures from the pen tablet, and IPP printing. Other modules ask for
 * forms through {@link jp.madoguchi.forms.Forms}.
 */
@ApplicationModule(displayName = "Forms and printing")
@NullMarked
package jp.madoguchi.forms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
