package org.dsmastery.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;
import org.dsmastery.messaging.LibrarySchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Transactions per second of eight writers that each append one outbox message and
 * commit, as the services' business transactions do, with and without the
 * {@code NOTIFY outbox} that wakes the relays:
 * <ul>
 * <li>{@code trigger}: the outbox's trigger sends it (the platform's way);</li>
 * <li>{@code statement}: the application sends it after the insert (the way before: one
 * more round trip per append);</li>
 * <li>{@code none}: no notification; relays would have to poll.</li>
 * </ul>
 * A transaction that notified takes a lock shared by the whole server from its pre-commit
 * until its commit is flushed, so such commits queue behind each other, across databases,
 * where others run side by side. PostgreSQL 18 from devstack in this JVM's temporary
 * directory, durable (fsync on) as {@code ./platform up} runs it.
 */
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Threads(8)
public class OutboxNotifyBenchmark extends ThroughputBenchmark {

	private static final String INSERT = """
			insert into %s (message_id, topic, message_key, lane, type, headers, payload)
			values (?, 'bench.outbox.v1', ?, mod(abs(hashtext(?)), 16), 'OrderPlaced', '{}'::jsonb, ?)""";

	/** How the outbox's writers wake the relays. */
	@Param({ "trigger", "statement", "none" })
	public String notify;

	private DevStack stack;

	private PGSimpleDataSource dataSource;

	/**
	 * Starts PostgreSQL with the outbox's schema, and a copy of its table without the
	 * trigger.
	 * @throws Exception if it does not start
	 */
	@Setup(Level.Trial)
	public void startPostgres() throws Exception {
		Path directory = Files.createTempDirectory("outbox-notify-bench-");
		DevStackConfig config = DevStackConfig.ephemeral(directory, List.of("bench"));
		this.stack = DevStack.start(config, EnumSet.of(Infra.POSTGRES), true);
		this.dataSource = new PGSimpleDataSource();
		this.dataSource.setUrl(config.jdbcUrl("bench"));
		this.dataSource.setUser("postgres");
		this.dataSource.setPassword("postgres");
		LibrarySchema.migrate(this.dataSource, "outbox");
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table outbox_quiet (like outbox_message including all)");
		}
	}

	/**
	 * Stops PostgreSQL.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		this.stack.close();
	}

	/**
	 * One writer: its own connection, as each service thread has one from its pool.
	 */
	@State(Scope.Thread)
	public static class Writer {

		private Connection connection;

		private PreparedStatement insert;

		private Statement notify;

		private boolean notifies;

		/**
		 * Opens the writer's connection.
		 * @param benchmark the benchmark's settings and database
		 * @throws SQLException if PostgreSQL refuses
		 */
		@Setup(Level.Trial)
		public void open(OutboxNotifyBenchmark benchmark) throws SQLException {
			this.connection = benchmark.dataSource.getConnection();
			this.connection.setAutoCommit(false);
			String table = benchmark.notify.equals("trigger") ? "outbox_message" : "outbox_quiet";
			this.insert = this.connection.prepareStatement(INSERT.formatted(table));
			this.notify = this.connection.createStatement();
			this.notifies = benchmark.notify.equals("statement");
		}

		/**
		 * Closes the writer's connection.
		 * @throws SQLException if closing fails
		 */
		@TearDown(Level.Trial)
		public void close() throws SQLException {
			this.connection.close();
		}

	}

	/**
	 * One business transaction's outbox part: append a message, commit.
	 * @param writer the writing thread's connection
	 * @throws SQLException if PostgreSQL fails
	 */
	@Benchmark
	public void appendAndCommit(Writer writer) throws SQLException {
		String key = "order-" + (System.nanoTime() % 1000);
		writer.insert.setObject(1, UUID.randomUUID());
		writer.insert.setString(2, key);
		writer.insert.setString(3, key);
		writer.insert.setString(4, "{\"orderId\":\"" + key + "\"}");
		writer.insert.executeUpdate();
		if (writer.notifies) {
			writer.notify.execute("notify outbox");
		}
		writer.connection.commit();
	}

}
