/**
 * Text: Japanese text as the counter needs it — names kept exactly as written, variation
 * sequences included ({@link jp.madoguchi.text.ExactText}), search keys that forgive how
 * people type ({@link jp.madoguchi.text.SearchKeys}), 和暦 dates
 * ({@link jp.madoguchi.text.JapaneseDates}), the My Number check digit
 * ({@link jp.madoguchi.text.MyNumbers}), whether the print font can show a name
 * ({@link jp.madoguchi.text.FontCoverage}) and the closed days deadlines skip
 * ({@link jp.madoguchi.text.ClosedDays}, with the national holidays computed from the
 * law), and the counter's opening hours per weekday
 * ({@link jp.madoguchi.text.CounterHours}, from {@link jp.madoguchi.text.OpeningHours}).
 * Pure functions except the font check and the counter's closed days and hours; open to
 * all modules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Text")
@NullMarked
package jp.madoguchi.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
