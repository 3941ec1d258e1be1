/**
 * Font coverage from the font file's own {@code cmap} table, variation sequences (format
 * 14) included, which common font libraries ignore.
 */
@NullMarked
package jp.madoguchi.text.font;

import org.jspecify.annotations.NullMarked;
