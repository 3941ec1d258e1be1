/** Moving notifications' API and staff screens. */
@NullMarked
package jp.madoguchi.moving.web;

import org.jspecify.annotations.NullMarked;
