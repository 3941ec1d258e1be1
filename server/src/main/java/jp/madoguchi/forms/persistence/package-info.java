/**
 * Tables of the {@code forms} schema: template versions, print jobs, signatures,
 * registered printers; package-private JDBC implementations of the domain repositories.
 */
@NullMarked
package jp.madoguchi.forms.persistence;

import org.jspecify.annotations.NullMarked;
