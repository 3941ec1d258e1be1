/** Reception tables (schema {@code reception}) through JDBC. */
@NullMarked
package jp.madoguchi.reception.persistence;

import org.jspecify.annotations.NullMarked;
