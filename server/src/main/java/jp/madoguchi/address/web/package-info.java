/** The postal code API for the counter and the administrators' import page. */
@NullMarked
package jp.madoguchi.address.web;

import org.jspecify.annotations.NullMarked;
