package jp.madoguchi.platform.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import jp.madoguchi.platform.PrivateFiles;

/**
 * The random passwords of the embedded server's three roles, in
 * {@code <data-dir>/database-passwords.properties}, created {@code 600} from the first
 * byte. Whoever can read this file can read the database files too: it adds no secret the
 * service account did not already hold, but keeps other local accounts out of the server.
 */
public record DatabasePasswords(String superuser, String owner, String application) {

	/** The file's name in the data directory. */
	public static final String FILE = "database-passwords.properties";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The passwords file of a data directory. */
	public static Path file(Path dataDir) {
		return dataDir.resolve(FILE).toAbsolutePath().normalize();
	}

	/** Whether the data directory holds the passwords. */
	public static boolean exist(Path dataDir) {
		return Files.isRegularFile(file(dataDir));
	}

	/** Reads the passwords of a data directory. */
	public static DatabasePasswords read(Path dataDir) throws IOException {
		Path file = file(dataDir);
		Properties properties = new Properties();
		properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
		return new DatabasePasswords(required(properties, DatabaseRoles.SUPERUSER, file),
				required(properties, DatabaseRoles.OWNER, file), required(properties, DatabaseRoles.APPLICATION, file));
	}

	/** Reads the passwords, or creates the file with new random ones. */
	static DatabasePasswords readOrCreate(Path dataDir) throws IOException {
		if (exist(dataDir)) {
			return read(dataDir);
		}
		DatabasePasswords passwords = new DatabasePasswords(random(), random(), random());
		Properties properties = new Properties();
		properties.setProperty(DatabaseRoles.SUPERUSER, passwords.superuser());
		properties.setProperty(DatabaseRoles.OWNER, passwords.owner());
		properties.setProperty(DatabaseRoles.APPLICATION, passwords.application());
		StringWriter text = new StringWriter();
		properties.store(text, "Passwords of the embedded PostgreSQL's roles (generated; keep this file private)");
		PrivateFiles.createDirectories(dataDir);
		PrivateFiles.writeAtomically(file(dataDir), text.toString().getBytes(StandardCharsets.UTF_8));
		return passwords;
	}

	/** The password of one of the three roles. */
	public String of(String role) {
		return switch (role) {
			case DatabaseRoles.SUPERUSER -> superuser;
			case DatabaseRoles.OWNER -> owner;
			case DatabaseRoles.APPLICATION -> application;
			default -> throw new IllegalArgumentException("Unknown role " + role);
		};
	}

	@Override
	public String toString() {
		return "DatabasePasswords[hidden]";
	}

	private static String required(Properties properties, String role, Path file) {
		String value = properties.getProperty(role);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(file + " has no password for " + role);
		}
		return value.trim();
	}

	/** 256 bits, URL-safe Base64: nothing to quote in SQL, a file or a command line. */
	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
