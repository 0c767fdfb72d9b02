package org.dsmastery.order.adapter.out.ids;

import org.dsmastery.order.domain.OrderId;
import org.dsmastery.order.domain.OrderIds;
import org.dsmastery.snowflake.PrefetchingIdClient;

import org.springframework.stereotype.Component;

/**
 * Order ids are Snowflake ids from the id-generator, drawn from a prefetched buffer.
 */
@Component
class SnowflakeOrderIds implements OrderIds {

	private final PrefetchingIdClient ids;

	SnowflakeOrderIds(PrefetchingIdClient ids) {
		this.ids = ids;
	}

	@Override
	public OrderId next() {
		return new OrderId(this.ids.nextId());
	}

}
