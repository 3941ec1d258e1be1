/**
 * The delivery model: the outbox of deliveries ({@link DeliveryRepository}), the link
 * that fills it and lets staff retry, the worker that delivers and reads answers, and
 * their metrics. Transports, documents and lookups live in the subpackages.
 */
@NullMarked
package jp.madoguchi.residentrecord.domain;

import org.jspecify.annotations.NullMarked;
