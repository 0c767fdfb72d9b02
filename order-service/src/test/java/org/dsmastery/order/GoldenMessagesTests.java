package org.dsmastery.order;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.dsmastery.contracts.testing.GoldenMessage;
import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.order.application.OrderProjection;
import org.dsmastery.order.application.OrderService;
import org.dsmastery.order.application.OrderView;
import org.dsmastery.order.application.PlaceOrder;
import org.dsmastery.order.contracts.v1.ApproveOrder;
import org.dsmastery.order.contracts.v1.OrderApproved;
import org.dsmastery.order.contracts.v1.OrderCancelled;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderPlaced;
import org.dsmastery.order.contracts.v1.OrderRejected;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.contracts.v1.RejectOrder;
import org.dsmastery.order.domain.CustomerId;
import org.dsmastery.order.domain.Order;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderStatus;
import org.dsmastery.order.domain.SagaStyle;
import org.dsmastery.order.domain.Sku;
import org.dsmastery.payment.contracts.v1.PaymentAuthorized;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentDeclined;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Every golden example order-service consumes, sent as its producer sends it, is applied
 * by the real listeners: the commands and the choreography's events decide a placed
 * order, and order-service's own events build its read side, so a type name a listener
 * does not match fails here.
 */
class GoldenMessagesTests extends OrderIntegrationTest {

	private static final GoldenMessage APPROVE_ORDER = order(ApproveOrder.class, OrderTopics.COMMANDS);

	private static final GoldenMessage REJECT_ORDER = order(RejectOrder.class, OrderTopics.COMMANDS);

	private static final GoldenMessage ORDER_PLACED = order(OrderPlaced.class, OrderTopics.EVENTS);

	private static final GoldenMessage ORDER_APPROVED = order(OrderApproved.class, OrderTopics.EVENTS);

	private static final GoldenMessage ORDER_REJECTED = order(OrderRejected.class, OrderTopics.EVENTS);

	private static final GoldenMessage ORDER_CANCELLED = order(OrderCancelled.class, OrderTopics.EVENTS);

	private static final GoldenMessage STOCK_REJECTED = new GoldenMessage(StockRejected.class, InventoryTopics.EVENTS,
			StockRejected.TYPE, InventoryContracts.VERSION, InventoryContracts.goldenExample(StockRejected.class));

	private static final GoldenMessage PAYMENT_AUTHORIZED = payment(PaymentAuthorized.class);

	private static final GoldenMessage PAYMENT_DECLINED = payment(PaymentDeclined.class);

	/** The header order-service's events carry their version in their order's stream. */
	private static final String STREAM_VERSION = "stream-version";

	@Autowired
	OrderService orders;

	@Autowired
	OrderProjection projection;

	@Autowired
	KafkaTemplate<String, String> kafka;

	/**
	 * The read side keeps no row of an order without events: rebuilding it from the event
	 * store drops those of the orders only the golden events spoke of.
	 */
	@AfterEach
	void readSideFromTheEventStore() {
		this.projection.rebuild();
	}

	@Test
	void approveOrderApprovesAndRejectOrderRejects() throws Exception {
		OrderId approved = place(SagaStyle.ORCHESTRATED);
		OrderId rejected = place(SagaStyle.ORCHESTRATED);

		send(APPROVE_ORDER.about(approved.value()).sagaId(approved.toString()));
		send(REJECT_ORDER.about(rejected.value()).sagaId(rejected.toString()));

		assertThat(awaitDecided(approved).status()).isEqualTo(OrderStatus.APPROVED);
		assertThat(awaitDecided(rejected)).returns(OrderStatus.REJECTED, Order::status)
			.returns("payment declined", Order::reason);
	}

	@Test
	void theChoreographyEventsDecideAChoreographedOrder() throws Exception {
		OrderId authorized = place(SagaStyle.CHOREOGRAPHED);
		OrderId outOfStock = place(SagaStyle.CHOREOGRAPHED);
		OrderId declined = place(SagaStyle.CHOREOGRAPHED);

		send(PAYMENT_AUTHORIZED.about(authorized.value()));
		send(STOCK_REJECTED.about(outOfStock.value()));
		send(PAYMENT_DECLINED.about(declined.value()));

		assertThat(awaitDecided(authorized).status()).isEqualTo(OrderStatus.APPROVED);
		assertThat(awaitDecided(outOfStock)).returns(OrderStatus.REJECTED, Order::status)
			.returns("out of stock: SKU-MOUSE", Order::reason);
		assertThat(awaitDecided(declined)).returns(OrderStatus.REJECTED, Order::status)
			.returns("payment declined: insufficient-credit", Order::reason);
	}

	@Test
	void theOrderEventsBuildTheReadSide() throws Exception {
		List<GoldenMessage> decisions = List.of(ORDER_APPROVED, ORDER_REJECTED, ORDER_CANCELLED);
		List<Long> ids = decisions.stream().map((decision) -> newOrderId()).toList();

		for (int i = 0; i < decisions.size(); i++) {
			send(ORDER_PLACED.about(ids.get(i)).header(STREAM_VERSION, "1"));
			send(decisions.get(i).about(ids.get(i)).header(STREAM_VERSION, "2"));
		}

		List<OrderView> views = ids.stream().map(this::awaitProjected).toList();
		assertThat(views).allSatisfy((view) -> {
			assertThat(view.customerId()).isEqualTo(new CustomerId(42));
			assertThat(view.total().cents()).isEqualTo(12498);
			assertThat(view.lines()).hasSize(2);
		});
		assertThat(views).extracting(OrderView::status, OrderView::reason)
			.containsExactly(tuple(OrderStatus.APPROVED, null), tuple(OrderStatus.REJECTED, "out of stock: SKU-MOUSE"),
					tuple(OrderStatus.CANCELLED, "ordered by mistake"));
	}

	private OrderId place(SagaStyle style) {
		return this.orders
			.place(new PlaceOrder(new CustomerId(42), List.of(new PlaceOrder.Line(new Sku("SKU-MOUSE"), 1)), style))
			.id();
	}

	private void send(OutgoingMessage.Builder message) throws Exception {
		this.kafka.send(GoldenMessage.record(message.build())).get(10, TimeUnit.SECONDS);
	}

	private Order awaitDecided(OrderId id) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.orders.get(id), (order) -> order.status() != OrderStatus.PENDING);
	}

	/** Waits until the read side has applied the second event of an order's stream. */
	private OrderView awaitProjected(long id) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.projection.find(new OrderId(id)).orElse(null),
					(view) -> view != null && view.version() == 2);
	}

	private static long newOrderId() {
		return ThreadLocalRandom.current().nextLong(1L << 50, Long.MAX_VALUE);
	}

	private static GoldenMessage order(Class<? extends Record> contract, String topic) {
		return new GoldenMessage(contract, topic, OrderContracts.typeOf(contract), OrderContracts.VERSION,
				OrderContracts.goldenExample(contract));
	}

	private static GoldenMessage payment(Class<? extends Record> event) {
		return new GoldenMessage(event, PaymentTopics.EVENTS, PaymentContracts.typeOf(event), PaymentContracts.VERSION,
				PaymentContracts.goldenExample(event));
	}

}
