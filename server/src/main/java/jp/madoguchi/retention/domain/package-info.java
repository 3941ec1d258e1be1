@NullMarked
package jp.madoguchi.retention.domain;

import org.jspecify.annotations.NullMarked;
