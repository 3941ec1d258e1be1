package jp.madoguchi.residentrecord.domain.document;

import org.jspecify.annotations.Nullable;

/**
 * A document ready to deliver, and what it could not keep (shown to staff), if anything.
 */
public record Rendered(byte[] bytes, @Nullable String notes) {
}
