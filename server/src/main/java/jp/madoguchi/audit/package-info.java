/**
 * Audit (監査証跡): append-only, hash-chained events of who did what to which record, for the
 * privacy impact assessment (PIA). Other modules record through
 * {@link jp.madoguchi.audit.AuditTrail}.
 */
@ApplicationModule(displayName = "Audit")
@NullMarked
package jp.madoguchi.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
