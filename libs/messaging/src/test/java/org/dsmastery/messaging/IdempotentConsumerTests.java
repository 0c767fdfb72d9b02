package org.dsmastery.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

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

		boolean first = this.consumer.handleOnce(IncomingMessages.consumed("tests", record), this::effect);
		boolean second = this.consumer.handleOnce(IncomingMessages.consumed("tests", record), this::effect);

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from effect", Integer.class)).isOne();
	}

	@Test
	void aFailedEffectLeavesNoTraceSoTheRedeliveryApplies() {
		ConsumerRecord<String, String> record = record(UUID.randomUUID().toString());

		assertThatIllegalStateException()
			.isThrownBy(() -> this.consumer.handleOnce(IncomingMessages.consumed("tests", record), () -> {
				effect();
				throw new IllegalStateException("database hiccup");
			}));
		boolean redelivered = this.consumer.handleOnce(IncomingMessages.consumed("tests", record), this::effect);

		assertThat(redelivered).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from effect", Integer.class)).isOne();
	}

	@Test
	void eachConsumerHandlesAMessageOnce() {
		ConsumerRecord<String, String> record = record(UUID.randomUUID().toString());

		assertThat(this.consumer.handleOnce(IncomingMessages.consumed("projection", record), this::effect)).isTrue();
		assertThat(this.consumer.handleOnce(IncomingMessages.consumed("saga", record), this::effect)).isTrue();
	}

	@Test
	void returnsTheEffectsResultOnceAndNothingForTheDuplicate() {
		ConsumedMessage message = new ConsumedMessage("tests", UUID.randomUUID().toString(), null);

		Supplier<Optional<String>> effect = () -> {
			effect();
			return Optional.of("answer");
		};

		assertThat(this.consumer.handleOnce(message, effect)).contains("answer");
		assertThat(this.consumer.handleOnce(message, effect)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from effect", Integer.class)).isOne();
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
