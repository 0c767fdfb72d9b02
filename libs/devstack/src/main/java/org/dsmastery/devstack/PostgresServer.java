package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server from the zonky binaries. Its data directory survives
 * restarts; the databases it is asked for are created when missing. As root, zonky runs
 * the server in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as
 * root.
 *
 * <p>
 * Secure, it keeps its data in {@code postgres-secure/} and writes {@code pg_hba.conf} on
 * every start: over TCP only SCRAM-SHA-256 passwords are accepted, and only the login
 * role {@value BackingCredentials#USER} has one (the superuser {@code postgres}, created
 * by initdb without a password, cannot log in over TCP at all). The stack administers the
 * server as {@code postgres} through a Unix-domain socket in
 * {@code postgres-secure/socket/}, a directory only its owner can enter (see
 * {@link UnixSocketFactory}): that path needs no password, so a changed password of
 * {@value BackingCredentials#USER} is simply set again on every start, and the platform's
 * databases are made {@value BackingCredentials#USER}'s, which lets services create their
 * tables.
 */
final class PostgresServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PostgresServer.class);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private static final String SECURE_HBA = """
			# written by dsmastery devstack on every start in secure mode
			# the stack's own administration, through a socket in a directory only its owner can enter
			local all postgres trust
			# everyone else: over TCP, with a SCRAM-SHA-256 password
			host all all 127.0.0.1/32 scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private final String owner;

	private PostgresServer(EmbeddedPostgres postgres, String owner) {
		this.postgres = postgres;
		this.owner = owner;
	}

	static PostgresServer start(Path directory, int port, List<String> databases, boolean durable,
			BackingCredentials credentials) {
		Ports.requireFree(port, "PostgreSQL");
		boolean secure = credentials != null;
		try {
			Path data = Files.createDirectories(directory.resolve(secure ? "postgres-secure/data" : "postgres/data"));
			Path binaries = Files.createDirectories(directory.resolve("postgres/binaries"));
			Path log = Files.createDirectories(directory.resolve("logs")).resolve("postgres.log");
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(binaries.toFile())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "300")
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
			if (!durable) {
				builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
			}
			if (secure) {
				secure(builder, directory.resolve("postgres-secure/socket"), port);
			}
			PostgresServer server = new PostgresServer(builder.start(), secure ? BackingCredentials.USER : null);
			if (secure) {
				server.setOwnerPassword(credentials.postgresPassword());
			}
			server.createMissing(databases);
			logger.info("PostgreSQL listening on 127.0.0.1:{} with databases {}{}", port, databases,
					secure ? " for " + BackingCredentials.USER + " with a SCRAM-SHA-256 password" : "");
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start; see " + directory.resolve("logs/postgres.log"),
					ex);
		}
	}

	/**
	 * Demands SCRAM-SHA-256 passwords over TCP and lets this stack in as {@code postgres}
	 * through a Unix-domain socket in the given directory.
	 */
	private static void secure(EmbeddedPostgres.Builder builder, Path socketDirectory, int port) throws IOException {
		Files.createDirectories(socketDirectory);
		Files.setPosixFilePermissions(socketDirectory, PosixFilePermissions.fromString("rwx------"));
		builder.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("unix_socket_directories", socketDirectory.toAbsolutePath().toString())
			.setServerConfig("unix_socket_permissions", "0700")
			.setDataDirectoryCustomizer((data) -> writeHba(data.toPath().resolve("pg_hba.conf")))
			.setConnectConfig("socketFactory", UnixSocketFactory.class.getName())
			.setConnectConfig("socketFactoryArg",
					socketDirectory.resolve(".s.PGSQL." + port).toAbsolutePath().toString())
			.setConnectConfig("sslmode", "disable")
			.setConnectConfig("gssEncMode", "disable");
	}

	private static void writeHba(Path file) {
		try {
			Files.writeString(file, SECURE_HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write " + file, ex);
		}
	}

	/**
	 * Creates the owner's login role if missing and sets its password, which may have
	 * changed since the last start. The driver sends the SCRAM verifier, never the
	 * password, so it appears in no server log. The superuser's password is cleared
	 * again, in case someone set one: {@code postgres} must not log in over TCP.
	 */
	private void setOwnerPassword(String password) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?");
				Statement statement = connection.createStatement()) {
			exists.setString(1, this.owner);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					statement.execute("create role " + this.owner + " login");
				}
			}
			statement.execute("alter role " + this.owner + " login");
			statement.execute("alter role postgres password null");
			connection.unwrap(PGConnection.class)
				.alterUserPassword(this.owner, password.toCharArray(), "scram-sha-256");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not set the password of " + this.owner, ex);
		}
	}

	void createMissing(List<String> databases) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
				Statement create = connection.createStatement()) {
			for (String database : databases) {
				if (!DATABASE_NAME.matcher(database).matches()) {
					throw new IllegalArgumentException("not a plain database name: " + database);
				}
				exists.setString(1, database);
				try (ResultSet rs = exists.executeQuery()) {
					if (!rs.next()) {
						create.execute("create database " + database);
					}
				}
				if (this.owner != null) {
					// idempotent: a database keeps its owner across restarts
					create.execute("alter database " + database + " owner to " + this.owner);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create databases " + databases, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			logger.warn("PostgreSQL did not stop cleanly", ex);
		}
	}

}
