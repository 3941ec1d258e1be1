/**
 * Audit internals: the chain in PostgreSQL (schema audit), read and appended with
 * JdbcClient.
 */
@NullMarked
package jp.madoguchi.audit.persistence;

import org.jspecify.annotations.NullMarked;
