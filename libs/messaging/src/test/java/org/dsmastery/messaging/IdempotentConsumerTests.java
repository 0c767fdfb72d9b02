package org.dsmastery.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(classes = IdempotentConsumerTests.TestApplication.class,
		properties = "spring.kafka.listener.auto-startup=false")
@UsesInfrastructure(value = Infra.POSTGRES, database = "messaging")
class IdempotentConsumerTests {

	@Autowired
	IdempotentConsumer consumer;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void table() {
		this.jdbc.execute("create table if not exists effect (message text)");
		this.jdbc.execute("truncate effect");
	}

	@Test
	void appliesADuplicateDeliveryOnlyOnce() {
		ConsumerRecord<String, String> record = record(UUID.randomUUID().toString());

		boolean first = this.consumer.handleOnce("tests", record, this::effect);
		boolean second = this.consumer.handleOnce("tests", record, this::effect);

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from effect", Integer.class)).isOne();
	}

	@Test
	void aFailedEffectLeavesNoTraceSoTheRedeliveryApplies() {
		ConsumerRecord<String, String> record = record(UUID.randomUUID().toString());

		assertThatIllegalStateException().isThrownBy(() -> this.consumer.handleOnce("tests", record, () -> {
			effect();
			throw new IllegalStateException("database hiccup");
		}));
		boolean redelivered = this.consumer.handleOnce("tests", record, this::effect);

		assertThat(redelivered).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from effect", Integer.class)).isOne();
	}

	@Test
	void eachConsumerHandlesAMessageOnce() {
		ConsumerRecord<String, String> record = record(UUID.randomUUID().toString());

		assertThat(this.consumer.handleOnce("projection", record, this::effect)).isTrue();
		assertThat(this.consumer.handleOnce("saga", record, this::effect)).isTrue();
	}

	@Test
	void refusesARecordWithoutMessageId() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "{}");

		assertThatIllegalArgumentException().isThrownBy(() -> this.consumer.handleOnce("tests", record, this::effect))
			.withMessageContaining("message-id");
	}

	private void effect() {
		this.jdbc.update("insert into effect values ('applied')");
	}

	private static ConsumerRecord<String, String> record(String messageId) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "{}");
		record.headers().add(MessageHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	@SpringBootApplication
	static class TestApplication {

	}

}
