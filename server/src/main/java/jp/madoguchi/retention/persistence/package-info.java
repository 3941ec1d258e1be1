@NullMarked
package jp.madoguchi.retention.persistence;

import org.jspecify.annotations.NullMarked;
