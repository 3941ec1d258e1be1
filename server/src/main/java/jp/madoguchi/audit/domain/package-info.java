/**
 * Audit internals: the hash chain, its verification and the recording rules.
 */
@NullMarked
package jp.madoguchi.audit.domain;

import org.jspecify.annotations.NullMarked;
