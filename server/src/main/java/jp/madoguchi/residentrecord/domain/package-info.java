@NullMarked
package jp.madoguchi.residentrecord.domain;

import org.jspecify.annotations.NullMarked;
