@NullMarked
package jp.madoguchi.statistics.web;

import org.jspecify.annotations.NullMarked;
