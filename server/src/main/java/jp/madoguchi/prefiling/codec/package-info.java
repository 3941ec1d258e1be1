/** The payload format: pure Java, JDK crypto and compression only. */
@NullMarked
package jp.madoguchi.prefiling.codec;

import org.jspecify.annotations.NullMarked;
