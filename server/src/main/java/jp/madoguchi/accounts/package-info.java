/**
 * Accounts (職員アカウント): staff users, groups, the fixed catalogue of permissions, API
 * tokens, sign-in, the password policy and the security filter chain that checks a
 * permission on every request.
 */
@ApplicationModule(displayName = "Accounts")
@NullMarked
package jp.madoguchi.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
