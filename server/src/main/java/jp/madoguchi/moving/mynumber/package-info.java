/**
 * The keys that seal My Numbers: files on disk outside the database, not tables, so
 * neither domain nor persistence.
 */
@NullMarked
package jp.madoguchi.moving.mynumber;

import org.jspecify.annotations.NullMarked;
