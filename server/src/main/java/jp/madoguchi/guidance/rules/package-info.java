/**
 * The rule language of the procedure guide: parsing with line-exact errors, type checking
 * against the fact catalogue, evaluation. Plain Java, no Spring, so that the public role
 * and benchmarks run it as it is.
 */
@NullMarked
package jp.madoguchi.guidance.rules;

import org.jspecify.annotations.NullMarked;
