@NullMarked
package jp.madoguchi.terminals.domain;

import org.jspecify.annotations.NullMarked;
