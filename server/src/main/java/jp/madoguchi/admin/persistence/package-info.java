@NullMarked
package jp.madoguchi.admin.persistence;

import org.jspecify.annotations.NullMarked;
