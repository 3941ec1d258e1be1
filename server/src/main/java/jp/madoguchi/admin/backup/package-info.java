@NullMarked
package jp.madoguchi.admin.backup;

import org.jspecify.annotations.NullMarked;
