package org.dsmastery.inventory.adapter.in.web;

import java.util.List;

import org.dsmastery.inventory.application.StockAudit;
import org.dsmastery.inventory.domain.Reservation;
import org.dsmastery.inventory.domain.StockLevel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the platform's invariant audit reads: every stock row, every reservation with its
 * lines and the outbox backlog, from one database snapshot.
 */
@RestController
class StockAuditController {

	private final StockAudit audit;

	StockAuditController(StockAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit/stock")
	AuditResponse stock() {
		StockAudit.Snapshot snapshot = this.audit.snapshot();
		return new AuditResponse(snapshot.stock().stream().map(StockRow::of).toList(),
				snapshot.reservations().stream().map(ReservationRow::of).toList(), snapshot.outboxBacklog());
	}

	record AuditResponse(List<StockRow> stock, List<ReservationRow> reservations, long outboxBacklog) {
	}

	record StockRow(String sku, long initial, long available, long reserved, long sold) {

		static StockRow of(StockLevel level) {
			return new StockRow(level.sku().code(), level.initial(), level.available(), level.reserved(), level.sold());
		}

	}

	record ReservationRow(String orderId, String status, String sagaStyle, List<LineRow> lines) {

		static ReservationRow of(Reservation reservation) {
			return new ReservationRow(reservation.orderId().toString(), reservation.status().name(),
					(reservation.sagaStyle() != null)
							? reservation.sagaStyle().name().toLowerCase(java.util.Locale.ROOT) : null,
					reservation.lines()
						.stream()
						.map((line) -> new LineRow(line.sku().code(), line.quantity()))
						.toList());
		}

	}

	record LineRow(String sku, int quantity) {
	}

}
