package org.dsmastery.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A secure stack's servers, real ones, let the user {@code shop} in with its password and
 * refuse everyone else: {@code postgres/postgres}, a wrong password, no password.
 */
class SecureDevStackTests {

	@TempDir
	static Path shared;

	static BackingCredentials credentials = BackingCredentials.generate();

	static DevStackConfig config;

	static DevStack stack;

	@TempDir
	Path directory;

	@BeforeAll
	static void startSecureStack() {
		config = DevStackConfig.ephemeral(shared, List.of("orders")).secured(credentials);
		stack = DevStack.start(config, EnumSet.allOf(Infra.class), false);
	}

	@AfterAll
	static void stopSecureStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void postgresLetsShopCreateTablesInAPlatformDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(config.jdbcUrl("orders"), BackingCredentials.USER,
				credentials.postgresPassword())) {
			connection.createStatement().execute("create table secured (v text); insert into secured values ('kept')");
			assertThat(queryOne(connection, "select v from secured")).isEqualTo("kept");
			assertThat(queryOne(connection, "select rolsuper::text from pg_roles where rolname = current_user"))
				.as("shop is no superuser")
				.isEqualTo("false");
		}
	}

	@Test
	void postgresRefusesPostgresAndWrongPasswords() {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(config.jdbcUrl("orders"), "postgres", "postgres").close())
			.withMessageContaining("password authentication failed for user \"postgres\"");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager
				.getConnection(config.jdbcUrl("orders"), BackingCredentials.USER, credentials.redisPassword())
				.close())
			.withMessageContaining("password authentication failed for user \"shop\"");
	}

	@Test
	void postgresStoresOnlyScramVerifiers() throws SQLException {
		try (Connection connection = DriverManager.getConnection(config.jdbcUrl("orders"), BackingCredentials.USER,
				credentials.postgresPassword())) {
			assertThat(queryOne(connection, "show password_encryption")).isEqualTo("scram-sha-256");
		}
		assertThat(config.directory().resolve("postgres-secure/data/pg_hba.conf")).content()
			.doesNotContain("host all all 127.0.0.1/32 trust")
			.contains("host all all 127.0.0.1/32 scram-sha-256");
		assertThat(config.directory().resolve("postgres/data")).as("open mode's data stays apart").doesNotExist();
	}

	@Test
	void redisLetsShopInAndRefusesClientsThatDidNotAuthenticate() throws IOException {
		try (Redis redis = new Redis(config.redisPort())) {
			assertThat(redis.call("SET", "k", "v")).startsWith("-NOAUTH");
			assertThat(redis.call("AUTH", "default", "")).startsWith("-WRONGPASS");
			assertThat(redis.call("AUTH", BackingCredentials.USER, credentials.postgresPassword()))
				.startsWith("-WRONGPASS");
			assertThat(redis.call("AUTH", BackingCredentials.USER, credentials.redisPassword())).isEqualTo("+OK");
			assertThat(redis.call("SET", "k", "v")).isEqualTo("+OK");
			assertThat(redis.call("GET", "k")).isEqualTo("$1");
			assertThat(redis.line()).isEqualTo("v");
		}
	}

	@Test
	void kafkaLetsShopCreateATopicAndSendARecord() throws Exception {
		try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
			admin.createTopics(List.of(new NewTopic("devstack.secure.v1", 1, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
			assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("devstack.secure.v1");
		}
		Map<String, Object> producerConfig = new HashMap<>(stack.kafkaClientProperties());
		producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new StringSerializer())) {
			RecordMetadata sent = producer.send(new ProducerRecord<>("devstack.secure.v1", "k", "hello"))
				.get(30, TimeUnit.SECONDS);
			assertThat(sent.offset()).isZero();
		}
	}

	@Test
	void kafkaRefusesClientsWithoutSaslAndWithAWrongPassword() {
		Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				config.kafkaBootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
		try (Admin admin = Admin.create(plaintext)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
		Map<String, Object> wrong = new HashMap<>(stack.kafkaClientProperties());
		wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
				+ BackingCredentials.USER + "\" password=\"" + credentials.redisPassword() + "\";");
		wrong.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		try (Admin admin = Admin.create(wrong)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
				.withCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void kafkaControllerListenerRefusesClientsWithoutCredentials() {
		Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG,
				"127.0.0.1:" + config.kafkaControllerPort(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
		try (Admin admin = Admin.create(plaintext)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
	}

	@Test
	void springPropertiesLogInAsShop() {
		assertThat(stack.springProperties("orders")).containsEntry("spring.datasource.username", "shop")
			.containsEntry("spring.datasource.password", credentials.postgresPassword())
			.containsEntry("spring.data.redis.username", "shop")
			.containsEntry("spring.data.redis.password", credentials.redisPassword())
			.containsEntry("spring.kafka.security.protocol", "SASL_PLAINTEXT")
			.containsEntry("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("spring.kafka.properties.sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"shop\" password=\""
							+ credentials.kafkaPassword() + "\";");
		assertThat(DevStack.SECRET_PROPERTIES)
			.allSatisfy((secret) -> assertThat(stack.springProperties("orders")).containsKey(secret));
	}

	@Test
	void kafkaServerPropertiesAreReadableByTheirOwnerOnly() throws IOException {
		assertThat(Files.getPosixFilePermissions(config.directory().resolve("kafka-secure/server.properties")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void restartedStackAcceptsChangedPasswordsAndRefusesTheOldOnes() throws Exception {
		BackingCredentials before = BackingCredentials.generate();
		BackingCredentials after = BackingCredentials.generate();
		DevStackConfig first = DevStackConfig.ephemeral(this.directory, List.of("orders")).secured(before);
		Set<Infra> servers = EnumSet.of(Infra.POSTGRES, Infra.KAFKA);
		try (DevStack stack = DevStack.start(first, servers, false)) {
			try (Connection connection = DriverManager.getConnection(first.jdbcUrl("orders"), BackingCredentials.USER,
					before.postgresPassword())) {
				connection.createStatement().execute("create table kept (v text); insert into kept values ('here')");
			}
		}
		DevStackConfig second = first.secured(after);
		try (DevStack stack = DevStack.start(second, servers, false)) {
			try (Connection connection = DriverManager.getConnection(second.jdbcUrl("orders"), BackingCredentials.USER,
					after.postgresPassword())) {
				assertThat(queryOne(connection, "select v from kept")).isEqualTo("here");
			}
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager
				.getConnection(second.jdbcUrl("orders"), BackingCredentials.USER, before.postgresPassword())
				.close());
			try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
				assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
			}
			Map<String, Object> old = new HashMap<>(first.kafkaClientProperties());
			old.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
			old.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
			try (Admin admin = Admin.create(old)) {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> admin.describeCluster().nodes().get(15, TimeUnit.SECONDS))
					.withCauseInstanceOf(SaslAuthenticationException.class);
			}
		}
	}

	@Test
	void readsTheConfigTreeAndNamesAMissingFile() throws IOException {
		Files.writeString(this.directory.resolve(BackingCredentials.POSTGRES_PASSWORD_FILE), "p".repeat(20) + "\n");
		Files.writeString(this.directory.resolve(BackingCredentials.REDIS_PASSWORD_FILE), "  " + "r".repeat(20));
		assertThatIllegalStateException().isThrownBy(() -> BackingCredentials.read(this.directory))
			.withMessageContaining(BackingCredentials.KAFKA_PASSWORD_FILE);
		Files.writeString(this.directory.resolve(BackingCredentials.KAFKA_PASSWORD_FILE), "k".repeat(20));
		BackingCredentials read = BackingCredentials.read(this.directory);
		assertThat(read.postgresPassword()).isEqualTo("p".repeat(20));
		assertThat(read.redisPassword()).isEqualTo("r".repeat(20));
		assertThat(read).hasToString("BackingCredentials[user=shop, passwords=<redacted>]");
	}

	@Test
	void refusesAPasswordKafkaWouldHaveToEscape() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BackingCredentials("a\"b".repeat(8), "r".repeat(20), "k".repeat(20)))
			.withMessageContaining(BackingCredentials.POSTGRES_PASSWORD_FILE);
	}

	private static String queryOne(Connection connection, String sql) throws SQLException {
		try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * A Redis connection speaking RESP arrays, so that arguments may hold any character.
	 */
	private static final class Redis implements AutoCloseable {

		private final Socket socket;

		private final BufferedReader reader;

		Redis(int port) throws IOException {
			this.socket = new Socket("127.0.0.1", port);
			this.reader = new BufferedReader(
					new InputStreamReader(this.socket.getInputStream(), StandardCharsets.US_ASCII));
		}

		String call(String... arguments) throws IOException {
			StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
			for (String argument : arguments) {
				command.append('$').append(argument.length()).append("\r\n").append(argument).append("\r\n");
			}
			OutputStream out = this.socket.getOutputStream();
			out.write(command.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return line();
		}

		String line() throws IOException {
			return this.reader.readLine();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
