/** The embedded PostgreSQL used when no external database is configured. */
@NullMarked
package jp.madoguchi.platform.database;

import org.jspecify.annotations.NullMarked;
