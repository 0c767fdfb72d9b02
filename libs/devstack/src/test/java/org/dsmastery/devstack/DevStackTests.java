package org.dsmastery.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class DevStackTests {

	@TempDir
	Path directory;

	@Test
	void startsRealPostgresRedisAndKafkaAndStopsThemAgain() throws Exception {
		DevStackConfig config = DevStackConfig.ephemeral(this.directory, List.of("orders", "payments"));
		try (DevStack stack = DevStack.start(config, EnumSet.allOf(Infra.class), false)) {
			assertThat(queryOne(config.jdbcUrl("orders"), "show server_version")).startsWith("18.");
			assertThat(queryOne(config.jdbcUrl("payments"), "select current_database()")).isEqualTo("payments");
			assertThat(redis(config.redisPort(), "PING")).isEqualTo("+PONG");
			assertThat(roundTripThroughKafka(config.kafkaBootstrapServers())).isEqualTo("hello");
			assertThat(stack.springProperties("orders"))
				.containsEntry("spring.datasource.url", config.jdbcUrl("orders"))
				.containsEntry("spring.data.redis.port", Integer.toString(config.redisPort()))
				.containsEntry("spring.kafka.bootstrap-servers", config.kafkaBootstrapServers());
		}
		assertThat(Ports.isOpen(config.postgresPort())).isFalse();
		assertThat(Ports.isOpen(config.redisPort())).isFalse();
		assertThat(Ports.isOpen(config.kafkaPort())).isFalse();
	}

	@Test
	void keepsPostgresDataAcrossRestarts() throws Exception {
		DevStackConfig config = DevStackConfig.ephemeral(this.directory, List.of("orders"));
		try (DevStack stack = DevStack.start(config, EnumSet.of(Infra.POSTGRES), true)) {
			execute(config.jdbcUrl("orders"), "create table kept (v text); insert into kept values ('still here')");
		}
		try (DevStack stack = DevStack.start(config, EnumSet.of(Infra.POSTGRES), true)) {
			assertThat(queryOne(config.jdbcUrl("orders"), "select v from kept")).isEqualTo("still here");
		}
	}

	@Test
	void keepsRedisDataAcrossRestartsWhenDurable() throws Exception {
		DevStackConfig config = DevStackConfig.ephemeral(this.directory, List.of());
		try (DevStack stack = DevStack.start(config, EnumSet.of(Infra.REDIS), true)) {
			assertThat(redis(config.redisPort(), "INCR fence:SKU-MOUSE")).isEqualTo(":1");
			// the append-only file is synced every second
			await().atMost(Duration.ofSeconds(10)).until(() -> appendOnlyFilesMention(config, "fence:SKU-MOUSE"));
		}
		try (DevStack stack = DevStack.start(config, EnumSet.of(Infra.REDIS), true)) {
			assertThat(redis(config.redisPort(), "INCR fence:SKU-MOUSE")).as("the counter survived the restart")
				.isEqualTo(":2");
		}
	}

	@Test
	void refusesAPortThatIsTaken() throws Exception {
		DevStackConfig config = DevStackConfig.ephemeral(this.directory, List.of());
		try (DevStack first = DevStack.start(config, EnumSet.of(Infra.REDIS), false)) {
			assertThatIllegalStateException().isThrownBy(() -> DevStack.start(config, EnumSet.of(Infra.REDIS), false))
				.withMessageContaining("already in use");
		}
	}

	private static String queryOne(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
			connection.createStatement().execute(sql);
		}
	}

	private static boolean appendOnlyFilesMention(DevStackConfig config, String key) throws IOException {
		try (Stream<Path> files = Files.walk(config.directory().resolve("redis"))) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().contains(".aof"))
				.anyMatch((file) -> {
					try {
						return Files.readString(file, StandardCharsets.ISO_8859_1).contains(key);
					}
					catch (IOException ex) {
						return false;
					}
				});
		}
	}

	private static String redis(int port, String command) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
	}

	private static String roundTripThroughKafka(String bootstrap) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("devstack.check.v1", "k", "hello")).get();
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "check",
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("devstack.check.v1"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
				if (!records.isEmpty()) {
					return records.iterator().next().value();
				}
			}
			return null;
		}
	}

}
