package jp.madoguchi.accounts;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.UserAdministration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Makes uniquely named users and groups, since tests share one database. */
final class AccountsTestSupport {

	static final String PASSWORD = "initial-password-1";

	private static final AtomicInteger counter = new AtomicInteger();

	private AccountsTestSupport() {
	}

	static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000_000 + "-" + counter.incrementAndGet();
	}

	/** A user with the given permissions who has already chosen their own password. */
	static String userWith(UserAdministration users, GroupAdministration groups, JdbcClient jdbc,
			Set<Permission> permissions) {
		String group = unique("group-");
		groups.createGroup(new GroupDefinition(group, "", permissions));
		String username = unique("user-");
		users.createUser(new NewUser(username, "テスト 職員", PASSWORD, List.of(group)));
		jdbc.sql("update accounts.users set must_change_password = false where username = ?").param(username).update();
		return username;
	}

}
