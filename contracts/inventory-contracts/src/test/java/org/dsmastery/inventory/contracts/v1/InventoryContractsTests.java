package org.dsmastery.inventory.contracts.v1;

import java.util.List;

import org.dsmastery.contracts.testing.WireContractsTests;

/**
 * The inventory contracts' golden examples round-trip, and their wire names are these,
 * written out: a consumer matches exactly these strings.
 */
class InventoryContractsTests extends WireContractsTests {

	InventoryContractsTests() {
		super(InventoryContracts.EVENTS, InventoryContracts.COMMANDS, InventoryContracts::typeOf,
				InventoryContracts::goldenExample,
				List.of("StockReserved", "StockRejected", "StockReleased", "StockCommitted"),
				List.of("ReserveStock", "ReleaseStock"));
	}

}
