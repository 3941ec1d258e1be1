/**
 * Procedure guide (手続き案内): the procedure master with its rules, and the evaluation that
 * tells, for one notification, which procedures apply, why, what to bring and where to
 * go. Other modules call {@link jp.madoguchi.guidance.ProcedureGuide}; the public role
 * runs the same engine on an exported rule bundle, without a database.
 */
@ApplicationModule(displayName = "Procedure guide")
@NullMarked
package jp.madoguchi.guidance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
