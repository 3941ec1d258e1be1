@NullMarked
package jp.madoguchi.residentrecord.persistence;

import org.jspecify.annotations.NullMarked;
