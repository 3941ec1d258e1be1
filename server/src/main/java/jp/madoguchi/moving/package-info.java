/**
 * Moving notifications (住民異動届): the aggregate, its law-based findings, the household
 * model, My Number kept encrypted. Other modules read notifications through
 * {@link jp.madoguchi.moving.MovingNotifications} and hear about acceptance through
 * {@link jp.madoguchi.moving.NotificationAccepted}.
 */
@ApplicationModule(displayName = "Moving notifications")
@NullMarked
package jp.madoguchi.moving;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
