/** The documents delivered: the JSON document and the CSV variant for older systems. */
@NullMarked
package jp.madoguchi.residentrecord.domain.document;

import org.jspecify.annotations.NullMarked;
