/**
 * Statistics (管理・統計): counts and times per day, hour and kind, a dashboard and CSV/xlsx
 * exports. Reads other modules only through their facades (moving:
 * {@link jp.madoguchi.moving.NotificationFacts}); receptions plug in the same way when
 * the reception module lands.
 */
@ApplicationModule(displayName = "Statistics")
@NullMarked
package jp.madoguchi.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
