@NullMarked
package jp.madoguchi.admin.domain;

import org.jspecify.annotations.NullMarked;
