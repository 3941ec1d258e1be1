/** Reception's API, call display, staff board, inquiry and master screens. */
@NullMarked
package jp.madoguchi.reception.web;

import org.jspecify.annotations.NullMarked;
