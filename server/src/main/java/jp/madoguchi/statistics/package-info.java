/**
 * Statistics (管理・統計): counts and times per day, hour and kind, a dashboard and CSV/xlsx
 * exports. Reads other modules only through their facades (moving:
 * {@link jp.madoguchi.moving.NotificationFacts}, reception:
 * {@link jp.madoguchi.reception.Receptions#openedBetween}).
 */
@ApplicationModule(displayName = "Statistics")
@NullMarked
package jp.madoguchi.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
