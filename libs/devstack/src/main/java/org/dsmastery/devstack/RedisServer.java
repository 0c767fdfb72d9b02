package org.dsmastery.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server: the system's {@code redis-server} when it is version 7 or newer,
 * otherwise the Redis 6.2 binary that ships inside the embedded-redis jar.
 *
 * <p>
 * Secure, it disables the {@code default} user, so that a client that has not
 * authenticated is refused with {@code NOAUTH}, and defines an ACL user
 * {@value BackingCredentials#USER} with every right. The ACL rule names the password by
 * its SHA-256 ({@code #<hex>}), so the configuration file embedded-redis writes (a
 * temporary file, readable by its owner only) never holds the password itself.
 */
final class RedisServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisServer.class);

	private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.");

	private final redis.embedded.RedisServer server;

	private final int port;

	private RedisServer(redis.embedded.RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static RedisServer start(Path directory, int port, boolean durable, BackingCredentials credentials) {
		Ports.requireFree(port, "Redis");
		try {
			Path data = Files.createDirectories(directory.resolve("redis"));
			// Durable (the platform): an append-only file, synced every second, so that
			// what
			// lives only in Redis (fencing-token counters, worker-id high-water marks,
			// the
			// rate-limit rules and tiers) survives `down` and `up` like PostgreSQL's
			// data.
			// A counter lost while its fences stayed in PostgreSQL made every restart
			// warn.
			RedisServerBuilder builder = redis.embedded.RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("dir " + data.toAbsolutePath())
				.setting("save \"\"")
				.setting(durable ? "appendonly yes" : "appendonly no")
				.setting("appendfsync everysec")
				.setting("maxmemory 256mb")
				.setting("maxmemory-policy noeviction")
				.onShutdownForceStop(true);
			if (credentials != null) {
				builder.setting("user default off")
					.setting("user " + BackingCredentials.USER + " on #" + sha256(credentials.redisPassword())
							+ " ~* &* +@all");
			}
			String system = systemRedisServer();
			if (system != null) {
				builder.executableProvider(ExecutableProvider.newExecutableInPath("redis-server"));
			}
			redis.embedded.RedisServer server = builder.build();
			server.start();
			logger.info("Redis ({}) listening on 127.0.0.1:{}{}", (system != null) ? system : "embedded 6.2", port,
					(credentials != null) ? " for user " + BackingCredentials.USER + " only" : "");
			return new RedisServer(server, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not start", ex);
		}
	}

	private static String sha256(String password) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

	/**
	 * Returns a description of the system's redis-server if it is version 7 or newer.
	 */
	private static String systemRedisServer() {
		try {
			Process process = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			Matcher matcher = VERSION.matcher(output);
			if (matcher.find() && Integer.parseInt(matcher.group(1)) >= 7) {
				return "system redis-server " + output.strip();
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			logger.warn("Redis did not stop cleanly", ex);
		}
		// stopped means the port is closed: a restart on the same port and data (and its
		// append-only file) must not race the old server's exit
		if (!Ports.awaitClosed(this.port, Duration.ofSeconds(10))) {
			logger.warn("Redis still listens on {} 10 s after it was asked to stop", this.port);
		}
	}

}
