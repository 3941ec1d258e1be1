/**
 * The status message and its link (signing, receiving, replay window), the public site's
 * in-memory store, ticket references, the counter side's publisher.
 */
@NullMarked
package jp.madoguchi.queuestatus.domain;

import org.jspecify.annotations.NullMarked;
