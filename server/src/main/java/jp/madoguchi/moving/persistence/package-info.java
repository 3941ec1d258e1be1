/** Moving's tables in schema {@code moving}; My Numbers stored sealed. */
@NullMarked
package jp.madoguchi.moving.persistence;

import org.jspecify.annotations.NullMarked;
