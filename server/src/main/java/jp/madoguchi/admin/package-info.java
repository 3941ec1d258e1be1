/**
 * Administration and operations (管理・運用): backup and restore, the public holiday master
 * and the ordinance's closed days (the counter's {@link jp.madoguchi.text.ClosedDays}),
 * and the operations terminal's health page. Retention and terminals are modules of their
 * own ({@code retention}, {@code terminals}).
 */
@ApplicationModule(displayName = "Administration")
@NullMarked
package jp.madoguchi.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
