/**
 * The address repositories in schema {@code address}, and the PostgreSQL COPY stream that
 * fills the tables.
 */
@NullMarked
package jp.madoguchi.address.persistence;

import org.jspecify.annotations.NullMarked;
