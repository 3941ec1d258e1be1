/** Sign-in, API tokens and the filter chain that checks permissions on every request. */
@NullMarked
package jp.madoguchi.accounts.security;

import org.jspecify.annotations.NullMarked;
