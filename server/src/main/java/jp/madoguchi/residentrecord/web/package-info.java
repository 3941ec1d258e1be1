@NullMarked
package jp.madoguchi.residentrecord.web;

import org.jspecify.annotations.NullMarked;
