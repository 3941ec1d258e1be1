@NullMarked
package jp.madoguchi.terminals.web;

import org.jspecify.annotations.NullMarked;
