@NullMarked
package jp.madoguchi.statistics.export;

import org.jspecify.annotations.NullMarked;
