/** The procedure master and its rule versions in schema {@code guidance}. */
@NullMarked
package jp.madoguchi.guidance.persistence;

import org.jspecify.annotations.NullMarked;
