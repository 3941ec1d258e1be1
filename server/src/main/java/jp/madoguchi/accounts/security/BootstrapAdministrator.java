package jp.madoguchi.accounts.security;

import jp.madoguchi.accounts.domain.FirstRunSetup;
import jp.madoguchi.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On a system without users, {@code MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD} creates
 * {@code admin} with every permission, who must choose their own password at the first
 * sign-in. Without it, the setup page asks, from the server itself or with the one-time
 * code printed here. There is never a built-in password.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	static final String PROPERTY = "madoguchi.bootstrap-admin-password";

	private final FirstRunSetup setup;

	private final Environment environment;

	private final SetupAccess access;

	BootstrapAdministrator(FirstRunSetup setup, Environment environment, SetupAccess access) {
		this.setup = setup;
		this.environment = environment;
		this.access = access;
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = environment.getProperty(PROPERTY);
		if (!setup.noUserExists()) {
			return;
		}
		if (password == null || password.isBlank()) {
			log.warn("No user exists yet: open /setup in a browser on this machine to register the first "
					+ "administrator, or from elsewhere with the one-time setup code {}", access.code());
			return;
		}
		try {
			setup.createFirstAdministrator(password, "bootstrap variable", true);
		}
		catch (ProblemException ex) {
			if (FirstRunSetup.SETUP_ALREADY_DONE.equals(ex.code())) {
				// Instances started at once with the variable: the twin created it.
				log.info("The first administrator was created meanwhile, by another instance.");
				return;
			}
			throw new BootstrapPasswordRefused(ex.getLocalizedMessage());
		}
		log.info("Created the first administrator '{}' from MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD.",
				FirstRunSetup.FIRST_ADMIN);
	}

}
