/**
 * Resident-record link (住民記録システム連携): every accepted notification goes, exactly once, to
 * the city's resident-record system, as a file in an outbox directory or by HTTP, through
 * a transactional outbox; acknowledgements move the notification to SENT. Other modules
 * may ask the current resident record through
 * {@link jp.madoguchi.residentrecord.ResidentRecordLookup}.
 */
@ApplicationModule(displayName = "Resident-record link")
@NullMarked
package jp.madoguchi.residentrecord;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
