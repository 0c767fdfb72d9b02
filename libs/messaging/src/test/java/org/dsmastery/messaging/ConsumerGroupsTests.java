package org.dsmastery.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener of a named process joins its group as a static member and leaves it when it
 * stops cleanly, on a real Kafka broker. Without leaving, Kafka would keep the static
 * member, and its partitions, until its session ended.
 */
@SpringBootTest(classes = ConsumerGroupsTests.TestApplication.class,
		properties = { "shop.messaging.instance-id=orders-8081", "spring.kafka.consumer.auto-offset-reset=earliest" })
@UsesInfrastructure(value = { Infra.POSTGRES, Infra.KAFKA }, database = "messaging")
class ConsumerGroupsTests {

	private static final String GROUP = "consumer-groups-tests";

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrap;

	@Test
	void aStaticMemberLeavesItsGroupWhenItStopsCleanly() throws Exception {
		assertThat(this.consumers).isInstanceOf(LeaveOnCloseConsumerFactory.class);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			List<MemberDescription> joined = await().atMost(Duration.ofSeconds(30))
				.until(() -> members(admin), (members) -> !members.isEmpty());
			assertThat(joined).singleElement()
				// the container adds the child container's index, -0
				.satisfies((member) -> assertThat(member.groupInstanceId()).hasValue("orders-8081.groups-listener-0"));

			this.listeners.getListenerContainer("groups-listener").stop();

			// at once, not after the 10 s session (the container adds the child index,
			// -0)
			assertThat(members(admin)).isEmpty();
		}
	}

	private static List<MemberDescription> members(Admin admin) throws Exception {
		ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
			.describedGroups()
			.get(GROUP)
			.get(10, TimeUnit.SECONDS);
		return List.copyOf(group.members());
	}

	@SpringBootApplication
	static class TestApplication {

		@KafkaListener(id = "groups-listener", topics = "groups.tests.v1", groupId = GROUP)
		void on(ConsumerRecord<String, String> record) {
		}

	}

}
