/** Accounts' tables in schema {@code accounts}, through Spring's JdbcClient. */
@NullMarked
package jp.madoguchi.accounts.persistence;

import org.jspecify.annotations.NullMarked;
