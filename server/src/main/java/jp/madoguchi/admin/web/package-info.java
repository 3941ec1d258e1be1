@NullMarked
package jp.madoguchi.admin.web;

import org.jspecify.annotations.NullMarked;
