/**
 * Log files in {@code <data-dir>/logs}: the application log, the HTTP access log and the
 * audit-export log, owner-only, rolled by size and day, compressed, kept as configured,
 * plain text or JSON (Spring Boot's structured formats).
 */
@NullMarked
package jp.madoguchi.platform.logging;

import org.jspecify.annotations.NullMarked;
