/** Japanese text. Placeholder until the text module lands from its branch. */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Text")
@NullMarked
package jp.madoguchi.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
