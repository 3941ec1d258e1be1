/** Moving's tables in schema {@code moving}; My Numbers encrypted with AES-GCM. */
@NullMarked
package jp.madoguchi.moving.persistence;

import org.jspecify.annotations.NullMarked;
