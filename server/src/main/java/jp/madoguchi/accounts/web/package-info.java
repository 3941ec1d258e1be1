/** Accounts' pages and API: sign-in, own account, users, groups and API tokens. */
@NullMarked
package jp.madoguchi.accounts.web;

import org.jspecify.annotations.NullMarked;
