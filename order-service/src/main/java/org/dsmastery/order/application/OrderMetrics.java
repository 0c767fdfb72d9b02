package org.dsmastery.order.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.dsmastery.order.domain.OrderEvent;
import org.dsmastery.order.domain.SagaStyle;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business metrics of orders, counted once the transaction that wrote the event
 * commits (a rolled-back append counts nothing, its redelivery counts once):
 * {@code orders.placed{style}}, {@code orders.decided{style,outcome,reason}} and
 * {@code orders.decision{style,outcome}} (placed to approved or rejected, with the SLO
 * buckets of the platform's latency objectives). {@code style} is {@code orchestrated} or
 * {@code choreographed}; {@code outcome} {@code approved} or {@code rejected}; the
 * free-text reason is mapped to a few values (see {@link #reasonOf}). A cancellation is
 * the customer's decision, not the saga's, and is not counted here.
 */
@Component
public class OrderMetrics {

	/** The SLO boundaries of the platform's latency histograms. */
	static final Duration[] SLO = { Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500) };

	private static final List<String> CODES = List.of("insufficient-credit", "provider-declined",
			"provider-unavailable", "order-closed");

	private final MeterRegistry meters;

	OrderMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Counts the events an order just appended: a placement or a decision.
	 * @param style the order's saga style
	 * @param placedAt when it was placed
	 * @param events the appended events
	 */
	void appended(SagaStyle style, Instant placedAt, List<OrderEvent> events) {
		for (OrderEvent event : events) {
			switch (event) {
				case OrderEvent.OrderPlaced placed -> afterCommit(() -> Counter.builder("orders.placed")
					.description("Orders placed, by saga style")
					.tag("style", styleOf(style))
					.register(this.meters)
					.increment());
				case OrderEvent.OrderApproved approved ->
					decided(style, "approved", "none", Duration.between(placedAt, approved.occurredAt()));
				case OrderEvent.OrderRejected rejected -> decided(style, "rejected", reasonOf(rejected.reason()),
						Duration.between(placedAt, rejected.occurredAt()));
				case OrderEvent.OrderCancelled cancelled -> {
					// the customer's decision: not an outcome of the saga
				}
			}
		}
	}

	private void decided(SagaStyle style, String outcome, String reason, Duration took) {
		afterCommit(() -> {
			Counter.builder("orders.decided")
				.description("Orders approved or rejected, by saga style and reason")
				.tag("style", styleOf(style))
				.tag("outcome", outcome)
				.tag("reason", reason)
				.register(this.meters)
				.increment();
			Timer.builder("orders.decision")
				.description("From an order's placement to its approval or rejection")
				.tag("style", styleOf(style))
				.tag("outcome", outcome)
				.serviceLevelObjectives(SLO)
				.register(this.meters)
				.record(took);
		});
	}

	static String styleOf(SagaStyle style) {
		return style.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Maps a rejection's reason, written for people, to a tag value:
	 * {@code out-of-stock}, {@code insufficient-credit}, {@code provider-declined},
	 * {@code provider-unavailable}, {@code order-closed}, {@code timeout} (the saga's or
	 * a step's deadline), {@code cancelled} or {@code error} (a reason none of these
	 * names: the platform failed).
	 * @param reason the reason
	 * @return the tag value
	 */
	static String reasonOf(String reason) {
		if (reason == null || reason.isBlank()) {
			return "error";
		}
		String text = reason.toLowerCase(Locale.ROOT);
		if (text.contains("timed out")) {
			return "timeout";
		}
		if (text.contains("cancelled")) {
			return "cancelled";
		}
		if (text.contains("out of stock")) {
			return "out-of-stock";
		}
		return CODES.stream().filter(text::contains).findFirst().orElse("error");
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
