package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.IdentityDocument;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * The request body of create and update: the notification's content plus, on update, the
 * {@code version} the client last read (a stale one answers 409). Unknown members such as
 * {@code id}, {@code status} and {@code findings} of an echoed response are ignored.
 */
record NotificationBody(@NotNull NotificationType type, @NotNull Variant variant, @Nullable LocalDate movedOn,
		@Nullable LocalDate filedOn, @Nullable LocalDate plannedMoveOutOn, @Valid @Nullable Address newAddress,
		@Valid @Nullable Address previousAddress, @Valid @Nullable Household household,
		@Valid @Size(max = 30) @Nullable List<@Valid @NotNull Person> persons, @Valid @Nullable Filer filer,
		@Size(max = 10) @Nullable List<@NotNull IdentityDocument> identityDocuments,
		@Size(max = 10) @Nullable String moveReasonCode, @Nullable Integer version) {

	NotificationContent content() {
		return new NotificationContent(type, variant, movedOn, filedOn, plannedMoveOutOn, newAddress, previousAddress,
				household, persons, filer, identityDocuments, moveReasonCode, null);
	}

}
