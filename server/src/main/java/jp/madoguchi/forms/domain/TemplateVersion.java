package jp.madoguchi.forms.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A version in the history list. */
public record TemplateVersion(int version, String title, @Nullable String note, Instant createdAt, String createdBy) {

}
