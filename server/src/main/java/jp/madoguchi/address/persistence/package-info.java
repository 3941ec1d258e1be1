/** The address tables and the PostgreSQL COPY stream that fills them. */
@NullMarked
package jp.madoguchi.address.persistence;

import org.jspecify.annotations.NullMarked;
