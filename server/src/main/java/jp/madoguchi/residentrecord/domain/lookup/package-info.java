/**
 * Looking up the current resident record: the resident-record system's API or the city's
 * snapshot file.
 */
@NullMarked
package jp.madoguchi.residentrecord.domain.lookup;

import org.jspecify.annotations.NullMarked;
