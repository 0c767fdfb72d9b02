package org.dsmastery.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.inventory.application.CatalogService;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.domain.Price;
import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.messaging.IncomingMessages;
import org.dsmastery.messaging.MessageHeaders;
import org.dsmastery.messaging.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the integration tests share: fresh products and order ids (the database lives as
 * long as the test JVM, so tests never share a sku), sending messages, every event
 * inventory published, and the invariant check after each test.
 */
@InventoryServiceTest
public abstract class InventoryIntegrationTest {

	private static volatile EventLog eventLog;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	@Autowired
	protected CatalogService catalog;

	@Value("${spring.kafka.bootstrap-servers}")
	protected String bootstrapServers;

	@Value("${local.server.port}")
	protected int port;

	/**
	 * Invariant 2 and its link to the reservations: {@code initial = available +
	 * reserved + sold}, nothing negative, {@code reserved} is exactly what RESERVED
	 * reservations hold and {@code sold} what COMMITTED ones sold.
	 */
	@AfterEach
	protected void invariantsHold() {
		List<Map<String, Object>> broken = this.jdbc.queryForList("""
				select s.sku, s.initial, s.available, s.reserved, s.sold, coalesce(x.held, 0) as held,
				       coalesce(x.committed, 0) as committed
				from stock s left join (
				    select l.sku, sum(l.quantity) filter (where r.status = 'RESERVED') as held,
				           sum(l.quantity) filter (where r.status = 'COMMITTED') as committed
				    from reservation_line l join reservation r using (order_id) group by l.sku) x using (sku)
				where s.initial <> s.available + s.reserved + s.sold or s.available < 0
				   or s.reserved <> coalesce(x.held, 0) or s.sold <> coalesce(x.committed, 0)""");
		assertThat(broken).as("stock rows that disagree with the reservations").isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from reservation where status in ('REJECTED') and exists (select 1 from reservation_line l where l.order_id = reservation.order_id)",
				Integer.class))
			.as("rejected reservations hold no lines")
			.isZero();
	}

	protected Sku newProduct(String prefix, long units) {
		Sku sku = new Sku(prefix + "-"
				+ Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(java.util.Locale.ROOT));
		this.catalog.save(new Product(sku, "Test product " + sku.code(), new Price(1000, "EUR")));
		if (units > 0) {
			this.catalog.restock(sku, units);
		}
		return sku;
	}

	/**
	 * Restocks the seeded products the golden examples reserve ({@code SKU-KEYBOARD},
	 * {@code SKU-MOUSE}), so that they can be reserved again.
	 */
	protected void goldenProductsInStock() {
		for (Sku sku : List.of(new Sku("SKU-KEYBOARD"), new Sku("SKU-MOUSE"))) {
			this.catalog.restock(sku, 10);
		}
	}

	/** Waits until an order's reservation is in a state. */
	protected void awaitReservation(long orderId, String status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(reservationStatus(orderId)));
	}

	protected static long newOrderId() {
		return ThreadLocalRandom.current().nextLong(1L << 50, Long.MAX_VALUE);
	}

	protected Map<String, Object> stock(Sku sku) {
		return this.jdbc.queryForMap("select initial, available, reserved, sold, fence from stock where sku = ?",
				sku.code());
	}

	protected String reservationStatus(long orderId) {
		List<String> status = this.jdbc.queryForList("select status from reservation where order_id = ?", String.class,
				orderId);
		return status.isEmpty() ? null : status.getFirst();
	}

	/**
	 * Sends a platform message as another service would.
	 * @return the message id
	 */
	protected String send(String topic, long orderId, String type, String payload, String messageId, String sagaId) {
		send(OutgoingMessage.to(topic, Long.toString(orderId), type, 1, payload)
			.messageId(UUID.fromString(messageId))
			.correlationId(Long.toString(orderId))
			.sagaId(sagaId)
			.build());
		return messageId;
	}

	/**
	 * Sends a golden example about an order as its producer would.
	 * @return the message id
	 */
	protected String send(GoldenMessage golden, long orderId, String sagaId) {
		return send(golden.about(orderId).sagaId(sagaId).build());
	}

	private String send(OutgoingMessage message) {
		try {
			this.kafka.send(GoldenMessage.record(message)).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		return message.messageId().toString();
	}

	protected String send(String topic, long orderId, String type, String payload) {
		return send(topic, orderId, type, payload, UUID.randomUUID().toString(), null);
	}

	/** Waits until a consumer has committed the effect of a message. */
	protected void awaitProcessed(String messageId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject("select count(*) from processed_message where message_id = ?",
					Integer.class, messageId) == 1);
	}

	/** Every event inventory published about an order so far, oldest first. */
	protected List<ConsumerRecord<String, String>> events(long orderId) {
		return eventLog().records().stream().filter((record) -> Long.toString(orderId).equals(record.key())).toList();
	}

	/** Waits for the event of a type that answers a message. */
	protected ConsumerRecord<String, String> awaitEvent(long orderId, String type, String causationId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> events(orderId).stream()
				.filter((record) -> type.equals(IncomingMessages.type(record))
						&& causationId.equals(IncomingMessages.header(record, MessageHeaders.CAUSATION_ID)))
				.findFirst()
				.orElse(null), (record) -> record != null);
	}

	protected long outboxBacklog() {
		return this.jdbc.queryForObject("select count(*) from outbox_message", Long.class);
	}

	private EventLog eventLog() {
		if (eventLog == null) {
			synchronized (InventoryIntegrationTest.class) {
				if (eventLog == null) {
					eventLog = new EventLog(this.bootstrapServers);
				}
			}
		}
		return eventLog;
	}

	/**
	 * Reads {@value InventoryTopics#EVENTS} from the beginning, for the rest of the test
	 * JVM, into memory.
	 */
	private static final class EventLog {

		private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();

		EventLog(String bootstrapServers) {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
				admin.createTopics(Set.of(new NewTopic(InventoryTopics.EVENTS, 3, (short) 1))).all().get();
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new IllegalStateException(ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
					ConsumerConfig.GROUP_ID_CONFIG, "inventory-tests-" + UUID.randomUUID(),
					ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
					new StringDeserializer());
			consumer.subscribe(List.of(InventoryTopics.EVENTS));
			Thread.ofPlatform().name("inventory-events-test-log").daemon(true).start(() -> {
				try (consumer) {
					while (true) {
						consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
					}
				}
			});
		}

		List<ConsumerRecord<String, String>> records() {
			return this.records;
		}

	}

}
