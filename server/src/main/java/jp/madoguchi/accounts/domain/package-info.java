/** Accounts' domain: users, groups, tokens, the password policy. */
@NullMarked
package jp.madoguchi.accounts.domain;

import org.jspecify.annotations.NullMarked;
