/**
 * Platform: what every module stands on — the process role, the database (embedded or
 * external), web conventions (problem details, security headers, layout). Open to all
 * modules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Platform")
@NullMarked
package jp.madoguchi.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
