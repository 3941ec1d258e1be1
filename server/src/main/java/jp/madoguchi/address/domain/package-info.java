/**
 * Address internals: the CSV reader, the two file formats, the importers and the lookup.
 */
@NullMarked
package jp.madoguchi.address.domain;

import org.jspecify.annotations.NullMarked;
