package jp.madoguchi.guidance.web;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads what the guide is asked about: {@code {"notificationId": "…"}} (a stored
 * notification, read through the moving module) or a notification body as in
 * docs/design/http-api.md, not saved. Bad input answers 422, never 500.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class NotificationInput {

	private final @Nullable MovingNotifications notifications;

	private final JsonMapper json;

	private final Validator validator;

	NotificationInput(org.springframework.beans.factory.ObjectProvider<MovingNotifications> notifications,
			JsonMapper json, Validator validator) {
		this.notifications = notifications.getIfAvailable();
		this.json = json;
		this.validator = validator;
	}

	NotificationContent read(JsonNode body, boolean storedAllowed) {
		if (!body.isObject()) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("guideInput");
		}
		JsonNode id = body.get("notificationId");
		if (id != null && !id.isNull()) {
			if (!storedAllowed || notifications == null) {
				throw ProblemException.invalid("VALIDATION_FAILED").because("guideStoredNotAllowed");
			}
			return stored(parseId(id.asString()));
		}
		NotificationContent content;
		try {
			content = json.treeToValue(body, NotificationContent.class);
		}
		catch (JacksonException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", Map.of("field", path(ex)))
				.because("guideUnreadable");
		}
		Set<ConstraintViolation<NotificationContent>> violations = validator.validate(content);
		if (!violations.isEmpty()) {
			ConstraintViolation<NotificationContent> first = violations.stream()
				.min(Comparator.comparing((v) -> v.getPropertyPath().toString()))
				.orElseThrow();
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
					Map.of("field", first.getPropertyPath().toString()), first.getPropertyPath().toString(),
					first.getMessage())
				.because("constraint");
		}
		return content;
	}

	NotificationContent stored(UUID id) {
		if (notifications == null) {
			throw ProblemException.notFound("NOTIFICATION_NOT_FOUND");
		}
		return notifications.find(id).orElseThrow(() -> ProblemException.notFound("NOTIFICATION_NOT_FOUND")).content();
	}

	private static UUID parseId(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
					Map.of("field", "notificationId"))
				.because("notificationId");
		}
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
