package org.dsmastery.inventory.adapter.out.messaging;

import java.util.List;

import org.dsmastery.inventory.contracts.v1.StockCommitted;
import org.dsmastery.inventory.contracts.v1.StockLine;
import org.dsmastery.inventory.contracts.v1.StockRejected;
import org.dsmastery.inventory.contracts.v1.StockReleased;
import org.dsmastery.inventory.contracts.v1.StockReserved;
import org.dsmastery.inventory.domain.ReservationLine;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockEvent;

/**
 * Maps the domain's stock events to the v1 wire contracts.
 */
final class StockEventContracts {

	private StockEventContracts() {
	}

	static Record toContract(StockEvent event) {
		return switch (event) {
			case StockEvent.StockReserved reserved ->
				new StockReserved(reserved.orderId().value(), lines(reserved.lines()), reserved.occurredAt());
			case StockEvent.StockRejected rejected -> new StockRejected(rejected.orderId().value(), rejected.reason(),
					rejected.unavailableSkus().stream().map(Sku::code).toList(), rejected.occurredAt());
			case StockEvent.StockReleased released -> new StockReleased(released.orderId().value(),
					released.releasedUnits(), released.reason(), released.occurredAt());
			case StockEvent.StockCommitted committed ->
				new StockCommitted(committed.orderId().value(), committed.committedUnits(), committed.occurredAt());
		};
	}

	private static List<StockLine> lines(List<ReservationLine> lines) {
		return lines.stream().map((line) -> new StockLine(line.sku().code(), line.quantity())).toList();
	}

}
