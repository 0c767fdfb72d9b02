package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server from the zonky binaries. Its data directory survives
 * restarts; the databases it is asked for are created when missing. As root, zonky runs
 * the server in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as
 * root.
 */
final class PostgresServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PostgresServer.class);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final EmbeddedPostgres postgres;

	private PostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static PostgresServer start(Path directory, int port, List<String> databases, boolean durable) {
		Ports.requireFree(port, "PostgreSQL");
		try {
			Path data = Files.createDirectories(directory.resolve("postgres/data"));
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
			PostgresServer server = new PostgresServer(builder.start());
			server.createMissing(databases);
			logger.info("PostgreSQL listening on 127.0.0.1:{} with databases {}", port, databases);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start; see " + directory.resolve("logs/postgres.log"),
					ex);
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
