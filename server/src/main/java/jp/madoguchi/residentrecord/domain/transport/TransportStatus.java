package jp.madoguchi.residentrecord.domain.transport;

import org.jspecify.annotations.Nullable;

/**
 * The link as the admin page shows it: the mode, where documents go, and what stops them
 * now (in Japanese), if anything.
 */
public record TransportStatus(String mode, @Nullable String target, @Nullable String problem) {

}
