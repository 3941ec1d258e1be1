@NullMarked
package jp.madoguchi.terminals.persistence;

import org.jspecify.annotations.NullMarked;
