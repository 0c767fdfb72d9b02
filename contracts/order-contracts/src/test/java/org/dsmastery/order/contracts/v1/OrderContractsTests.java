package org.dsmastery.order.contracts.v1;

import java.util.List;

import org.dsmastery.contracts.testing.WireContractsTests;

/**
 * The order contracts' golden examples round-trip, and their wire names are these,
 * written out: a consumer matches exactly these strings.
 */
class OrderContractsTests extends WireContractsTests {

	OrderContractsTests() {
		super(OrderContracts.EVENTS, OrderContracts.COMMANDS, OrderContracts::typeOf, OrderContracts::goldenExample,
				List.of("OrderPlaced", "OrderApproved", "OrderRejected", "OrderCancelled"),
				List.of("ApproveOrder", "RejectOrder"));
	}

}
