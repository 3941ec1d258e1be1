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
 * {@code admin} with every permission. Without it, the setup page asks. There is never a
 * built-in password.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	static final String PROPERTY = "madoguchi.bootstrap-admin-password";

	private final FirstRunSetup setup;

	private final Environment environment;

	BootstrapAdministrator(FirstRunSetup setup, Environment environment) {
		this.setup = setup;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = environment.getProperty(PROPERTY);
		if (!setup.noUserExists()) {
			return;
		}
		if (password == null || password.isBlank()) {
			log.warn("No user exists yet: open /setup in a browser to register the first administrator.");
			return;
		}
		try {
			setup.createFirstAdministrator(password, "bootstrap variable");
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
