/**
 * PDF/A-2b rendering with PDFBox: the print font loaded once, glyphs chosen through the
 * font's variation-sequence table, text fitted to its box, a complete ToUnicode map.
 */
@NullMarked
package jp.madoguchi.forms.render;

import org.jspecify.annotations.NullMarked;
