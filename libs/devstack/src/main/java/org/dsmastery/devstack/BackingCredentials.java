package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The passwords of the backing servers in secure mode, one per server, all for the one
 * user {@value #USER}. They come from a Spring config tree: a directory holding one file
 * per property, named after it, whose content is the value. Services import the same
 * directory as a {@code configtree:} location.
 *
 * <p>
 * A password is at least 16 characters of base64 (standard or URL-safe), {@code .} or
 * {@code ~}: it is written into Kafka's JAAS and SCRAM argument syntaxes, where quotes,
 * backslashes, commas and brackets would need escaping.
 *
 * @param postgresPassword the PostgreSQL password of {@value #USER}
 * @param redisPassword the Redis ACL password of {@value #USER}
 * @param kafkaPassword the Kafka SCRAM-SHA-512 password of {@value #USER}
 */
public record BackingCredentials(String postgresPassword, String redisPassword, String kafkaPassword) {

	/** The user name on every backing server. */
	public static final String USER = "shop";

	/** The config-tree file that holds the PostgreSQL password. */
	public static final String POSTGRES_PASSWORD_FILE = "shop.backing.postgres-password";

	/** The config-tree file that holds the Redis password. */
	public static final String REDIS_PASSWORD_FILE = "shop.backing.redis-password";

	/** The config-tree file that holds the Kafka password. */
	public static final String KAFKA_PASSWORD_FILE = "shop.backing.kafka-password";

	private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9+/=_.~-]{16,}");

	private static final SecureRandom random = new SecureRandom();

	/**
	 * Creates the credentials.
	 * @param postgresPassword the PostgreSQL password
	 * @param redisPassword the Redis password
	 * @param kafkaPassword the Kafka password
	 * @throws IllegalArgumentException if a password is too short or holds a character
	 * the servers' configuration syntaxes would need escaped
	 */
	public BackingCredentials {
		requireValid(postgresPassword, POSTGRES_PASSWORD_FILE);
		requireValid(redisPassword, REDIS_PASSWORD_FILE);
		requireValid(kafkaPassword, KAFKA_PASSWORD_FILE);
	}

	/**
	 * Reads the passwords from a Spring config tree, each file's content trimmed.
	 * @param configTree the directory holding {@value #POSTGRES_PASSWORD_FILE},
	 * {@value #REDIS_PASSWORD_FILE} and {@value #KAFKA_PASSWORD_FILE}
	 * @return the credentials
	 * @throws IllegalStateException naming the file if one is missing or unreadable
	 */
	public static BackingCredentials read(Path configTree) {
		return new BackingCredentials(readPassword(configTree, POSTGRES_PASSWORD_FILE),
				readPassword(configTree, REDIS_PASSWORD_FILE), readPassword(configTree, KAFKA_PASSWORD_FILE));
	}

	/**
	 * Generates three fresh random passwords (24 random bytes each, URL-safe base64), for
	 * tests.
	 * @return the credentials
	 */
	public static BackingCredentials generate() {
		return new BackingCredentials(randomPassword(), randomPassword(), randomPassword());
	}

	/**
	 * Returns the JAAS configuration a Kafka client logs in with over SCRAM-SHA-512.
	 * @return the value of {@code sasl.jaas.config}
	 */
	public String kafkaJaasConfig() {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER + "\" password=\""
				+ this.kafkaPassword + "\";";
	}

	/**
	 * Says which user the credentials are for, never the passwords.
	 * @return a description without secrets
	 */
	@Override
	public String toString() {
		return "BackingCredentials[user=" + USER + ", passwords=<redacted>]";
	}

	private static String readPassword(Path configTree, String file) {
		Path path = configTree.resolve(file);
		try {
			return Files.readString(path).strip();
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("missing credentials file " + path + " (secure mode reads "
					+ POSTGRES_PASSWORD_FILE + ", " + REDIS_PASSWORD_FILE + " and " + KAFKA_PASSWORD_FILE + ")", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not read credentials file " + path, new UncheckedIOException(ex));
		}
	}

	private static void requireValid(String password, String file) {
		if (password == null || !PASSWORD.matcher(password).matches()) {
			throw new IllegalArgumentException("the password of " + file
					+ " must be at least 16 characters of base64 (standard or URL-safe), '.' or '~'");
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
