package org.dsmastery.order.adapter.in.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.dsmastery.order.application.OrderReadModel;
import org.dsmastery.order.application.OrderService;
import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderStateException;
import org.dsmastery.order.domain.OrderVersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The timeout of the choreographed saga, which has no coordinator to keep one: a
 * choreographed order still pending {@code shop.order.choreography-timeout} after it was
 * placed is rejected, and the participants release what it holds when they see the
 * rejection. A decision that races with it loses on the event store's version check.
 */
public class ChoreographyTimeouts {

	private static final Logger logger = LoggerFactory.getLogger(ChoreographyTimeouts.class);

	private static final int BATCH = 100;

	private final OrderReadModel readModel;

	private final OrderService orders;

	private final Duration timeout;

	private final Clock clock;

	public ChoreographyTimeouts(OrderReadModel readModel, OrderService orders, Duration timeout, Clock clock) {
		this.readModel = readModel;
		this.orders = orders;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${shop.order.choreography-timeout-check:1s}")
	void rejectOverdueChoreographedOrders() {
		Instant cutoff = this.clock.instant().minus(this.timeout);
		for (OrderId orderId : this.readModel.pendingChoreographed(cutoff, BATCH)) {
			try {
				if (this.orders.rejectChoreographed(orderId, "saga timed out: no decision within " + this.timeout,
						null)) {
					logger.info("Rejected choreographed order {}: no decision in time", orderId);
				}
			}
			catch (OrderVersionConflictException | OrderStateException ex) {
				logger.debug("Order {} was decided meanwhile: {}", orderId, ex.getMessage());
			}
		}
	}

}
