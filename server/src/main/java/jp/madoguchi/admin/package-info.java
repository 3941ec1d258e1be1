/**
 * Administration and operations (管理・運用): backup and restore, retention of personal data
 * (5 fiscal years, legal hold), masters not owned elsewhere (public holidays, terminals,
 * retention settings) and the operations terminal's health page. Modules that keep
 * personal data plug into retention through {@link jp.madoguchi.admin.Purgeable}.
 */
@ApplicationModule(displayName = "Administration")
@NullMarked
package jp.madoguchi.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
