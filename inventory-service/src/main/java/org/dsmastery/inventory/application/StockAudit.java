package org.dsmastery.inventory.application;

import java.util.List;

import org.dsmastery.inventory.domain.Reservation;
import org.dsmastery.inventory.domain.ReservationRepository;
import org.dsmastery.inventory.domain.StockLedger;
import org.dsmastery.inventory.domain.StockLevel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One consistent picture of stock, reservations and the outbox, for the platform's
 * invariant audit.
 */
@Service
public class StockAudit {

	private final StockLedger ledger;

	private final ReservationRepository reservations;

	private final OutboxBacklog outbox;

	StockAudit(StockLedger ledger, ReservationRepository reservations, OutboxBacklog outbox) {
		this.ledger = ledger;
		this.reservations = reservations;
		this.outbox = outbox;
	}

	/**
	 * Reads everything in one snapshot.
	 * @return the snapshot
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Snapshot snapshot() {
		return new Snapshot(this.ledger.all(), this.reservations.findAll(), this.outbox.size());
	}

	/**
	 * Stock, reservations and outbox at one instant.
	 *
	 * @param stock every stock level
	 * @param reservations every reservation
	 * @param outboxBacklog messages not yet published
	 */
	public record Snapshot(List<StockLevel> stock, List<Reservation> reservations, long outboxBacklog) {
	}

}
