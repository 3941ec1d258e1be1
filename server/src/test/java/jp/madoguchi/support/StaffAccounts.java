package jp.madoguchi.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.UserAdministration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff for browser tests: a user in a group of the given permissions, made through the
 * accounts service (not the admin screens, which journey 3 tests), and the sign-in
 * through the real login page.
 */
public final class StaffAccounts {

	public static final String PASSWORD = "browser-test-password-1";

	private StaffAccounts() {
	}

	/** A new user (and its own group) with the permissions; returns the username. */
	public static String userWith(UserAdministration users, GroupAdministration groups, JdbcClient jdbc, String prefix,
			Set<Permission> permissions) {
		String suffix = prefix + "-" + System.nanoTime();
		groups.createGroup(new GroupDefinition("group-" + suffix, "", permissions));
		users.createUser(new NewUser("user-" + suffix, "試験 職員", PASSWORD, List.of("group-" + suffix)));
		// A new user must change the password at first sign-in; these tests are not about
		// that.
		jdbc.sql("update accounts.users set must_change_password = false where username = ?")
			.param("user-" + suffix)
			.update();
		return "user-" + suffix;
	}

	/** Signs in through the login page and waits until it has moved on. */
	public static void signIn(WebDriver browser, String baseUrl, String username, String password) {
		browser.get(baseUrl + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		Chromium.patience(browser, Duration.ofSeconds(10))
			.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

}
