/** The notification aggregate, its findings and the My Number vault. */
@NullMarked
package jp.madoguchi.moving.domain;

import org.jspecify.annotations.NullMarked;
