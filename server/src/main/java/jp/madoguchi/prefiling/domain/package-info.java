/** The counter's key pairs and the public key the encoder uses. */
@NullMarked
package jp.madoguchi.prefiling.domain;

import org.jspecify.annotations.NullMarked;
