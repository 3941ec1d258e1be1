/**
 * How documents reach the resident-record system: the file outbox, HTTP with its circuit
 * breaker.
 */
@NullMarked
package jp.madoguchi.residentrecord.domain.transport;

import org.jspecify.annotations.NullMarked;
