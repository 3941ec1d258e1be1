@NullMarked
package jp.madoguchi.retention.web;

import org.jspecify.annotations.NullMarked;
