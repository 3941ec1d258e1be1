@NullMarked
package jp.madoguchi.statistics.domain;

import org.jspecify.annotations.NullMarked;
