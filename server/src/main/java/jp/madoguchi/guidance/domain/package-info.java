/** Procedures, rule versions, the facts of a household and the evaluation. */
@NullMarked
package jp.madoguchi.guidance.domain;

import org.jspecify.annotations.NullMarked;
