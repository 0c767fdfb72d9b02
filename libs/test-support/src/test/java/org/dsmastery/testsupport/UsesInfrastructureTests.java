package org.dsmastery.testsupport;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.dsmastery.devstack.Infra;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = UsesInfrastructureTests.TestApplication.class)
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.REDIS, Infra.KAFKA }, database = "support")
class UsesInfrastructureTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	@Test
	void connectsSpringToARealPostgresDatabase() {
		assertThat(this.jdbc.queryForObject("select current_database()", String.class)).isEqualTo("support");
		assertThat(this.jdbc.queryForObject("show server_version", String.class)).startsWith("18.");
	}

	@Test
	void connectsSpringToARealRedis() {
		this.redis.opsForValue().set("test-support:check", "ok");
		assertThat(this.redis.opsForValue().get("test-support:check")).isEqualTo("ok");
	}

	@Test
	void exposesARealKafkaBroker() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafkaBootstrapServers))) {
			assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
		}
	}

	@Test
	void sharesOneServerPerJvm() {
		Map<String, String> first = TestInfrastructure.shared().springProperties(java.util.Set.of(Infra.REDIS), null);
		Map<String, String> second = TestInfrastructure.shared().springProperties(java.util.Set.of(Infra.REDIS), null);
		assertThat(first).isEqualTo(second);
	}

	@SpringBootApplication
	static class TestApplication {

	}

}
