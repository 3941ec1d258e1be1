/**
 * Form templates as data: A4 pages in millimetres with lines, boxes, fixed text, fields
 * bound to notification data and rows repeated per person; their validation.
 */
@NullMarked
package jp.madoguchi.forms.template;

import org.jspecify.annotations.NullMarked;
