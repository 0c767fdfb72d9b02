package org.dsmastery.payment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.messaging.ConsumedMessage;
import org.dsmastery.messaging.IdempotentConsumer;
import org.dsmastery.payment.application.PaymentProvider.ProviderResult;
import org.dsmastery.payment.domain.Account;
import org.dsmastery.payment.domain.AccountRepository;
import org.dsmastery.payment.domain.DeclineReason;
import org.dsmastery.payment.domain.OrderId;
import org.dsmastery.payment.domain.Payment;
import org.dsmastery.payment.domain.PaymentEvent;
import org.dsmastery.payment.domain.PaymentOrder;
import org.dsmastery.payment.domain.PaymentOrderRepository;
import org.dsmastery.payment.domain.PaymentRepository;
import org.dsmastery.payment.domain.PaymentStatus;
import org.dsmastery.payment.domain.SagaStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The payment steps of the PlaceOrder saga: authorize, void, capture, each implemented
 * once for both saga styles (ADR 0009). Every step runs for a message: the message's
 * processed mark, the state change and the outgoing event commit in one transaction, so a
 * redelivered message changes nothing. Every step of one order first locks that order's
 * {@code payment_order} row, so steps of one order never interleave, whatever topic they
 * came from.
 */
@Service
public class PaymentService {

	private static final Logger logger = LoggerFactory.getLogger(PaymentService.class);

	private final AccountRepository accounts;

	private final PaymentRepository payments;

	private final PaymentOrderRepository orders;

	private final PaymentProvider provider;

	private final PaymentEventPublisher publisher;

	private final IdempotentConsumer idempotent;

	private final CreditPolicy policy;

	private final Clock clock;

	private final MeterRegistry meters;

	PaymentService(AccountRepository accounts, PaymentRepository payments, PaymentOrderRepository orders,
			PaymentProvider provider, PaymentEventPublisher publisher, IdempotentConsumer idempotent,
			CreditPolicy policy, Clock clock, MeterRegistry meters) {
		this.accounts = accounts;
		this.payments = payments;
		this.orders = orders;
		this.provider = provider;
		this.publisher = publisher;
		this.idempotent = idempotent;
		this.policy = policy;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Records an order from its {@code OrderPlaced}: its amount and saga style, which a
	 * choreographed authorization needs.
	 * @param order the order
	 * @param cause the {@code OrderPlaced} message
	 */
	public void recordPlaced(PaymentOrder order, ConsumedMessage cause) {
		this.idempotent.handleOnce(cause, () -> this.orders.recordPlaced(order));
	}

	/**
	 * Authorizes a choreographed order on its {@code StockReserved}; ignores an
	 * orchestrated one (saga-orchestrator sends the command).
	 * @param orderId the order whose stock was reserved
	 * @param cause the {@code StockReserved} message
	 * @throws OrderNotPlacedYetException if the order's {@code OrderPlaced} was not seen
	 * yet (retried)
	 */
	public void authorizeReserved(OrderId orderId, ConsumedMessage cause) {
		Optional<PaymentOrder> known = this.orders.find(orderId);
		if (known.isPresent() && !known.get().placed() && known.get().closed()) {
			logger.debug("Order {} is closed and was never seen placed; nothing to authorize", orderId);
			return;
		}
		PaymentOrder order = known.filter(PaymentOrder::placed)
			.orElseThrow(() -> new OrderNotPlacedYetException(orderId));
		if (order.sagaStyle() != SagaStyle.CHOREOGRAPHED) {
			// saga-orchestrator sends AuthorizePayment for this one; only note the
			// message as seen
			this.idempotent.handleOnce(cause, () -> {
			});
			return;
		}
		authorize(new AuthorizationRequest(orderId, order.customerId(), order.amount(), SagaStyle.CHOREOGRAPHED),
				cause);
	}

	/**
	 * Authorizes an order's payment: holds the amount on the customer's credit if the
	 * balance covers it and the provider authorizes it. An order that already has a
	 * payment gets its outcome again (never a second hold); a closed order is declined.
	 * The provider is called outside any transaction; its result, the account change, the
	 * payment row, the processed mark and the event commit together afterwards.
	 * @param request what to authorize
	 * @param cause the command or event that asked for it
	 */
	public void authorize(AuthorizationRequest request, ConsumedMessage cause) {
		ProviderResult result = needsProvider(request) ? this.provider.authorize(request.orderId(), request.amount())
				: null;
		this.idempotent.handleOnce(cause, () -> decide(request, result, cause));
	}

	private boolean needsProvider(AuthorizationRequest request) {
		if (this.payments.find(request.orderId()).isPresent()) {
			return false;
		}
		if (this.orders.find(request.orderId()).map(PaymentOrder::closed).orElse(false)) {
			return false;
		}
		Account account = this.accounts.find(request.customerId())
			.orElseGet(() -> Account.open(request.customerId(), this.policy.defaultCredit()));
		return account.covers(request.amount());
	}

	private void decide(AuthorizationRequest request, ProviderResult result, ConsumedMessage cause) {
		PaymentOrder order = this.orders.lock(request.orderId());
		Optional<Payment> existing = this.payments.find(request.orderId());
		if (existing.isPresent()) {
			this.publisher.publish(outcomeOf(existing.get()), cause);
			return;
		}
		if (order.closed()) {
			decline(request, DeclineReason.ORDER_CLOSED, cause);
			return;
		}
		Account account = this.accounts.lock(request.customerId(), this.policy.defaultCredit());
		if (!account.covers(request.amount())) {
			decline(request, DeclineReason.INSUFFICIENT_CREDIT, cause);
			return;
		}
		if (result == null) {
			throw new ConcurrentChangeException("order " + request.orderId()
					+ " became payable while it was checked; deciding again with the provider");
		}
		switch (result) {
			case ProviderResult.Authorized authorized -> {
				Instant now = this.clock.instant();
				account.hold(request.amount());
				this.accounts.save(account);
				Payment payment = Payment.authorized(request.orderId(), request.customerId(), request.amount(),
						request.sagaStyle(), authorized.authorizationId(), now);
				this.payments.insert(payment);
				this.publisher.publish(outcomeOf(payment), cause);
			}
			case ProviderResult.Declined declined -> decline(request, DeclineReason.PROVIDER_DECLINED, cause);
			case ProviderResult.Unavailable unavailable -> {
				logger.warn("Payment provider unavailable for order {}: {}", request.orderId(), unavailable.detail());
				decline(request, DeclineReason.PROVIDER_UNAVAILABLE, cause);
			}
		}
	}

	private void decline(AuthorizationRequest request, String reason, ConsumedMessage cause) {
		Payment payment = Payment.declined(request.orderId(), request.customerId(), request.amount(),
				request.sagaStyle(), reason, this.clock.instant());
		this.payments.insert(payment);
		this.publisher.publish(outcomeOf(payment), cause);
	}

	private PaymentEvent outcomeOf(Payment payment) {
		return switch (payment.status()) {
			case AUTHORIZED, CAPTURED -> new PaymentEvent.PaymentAuthorized(payment.orderId(), payment.customerId(),
					payment.amount(), payment.authorizationId(), payment.createdAt());
			case DECLINED -> new PaymentEvent.PaymentDeclined(payment.orderId(), payment.customerId(), payment.reason(),
					payment.createdAt());
			// voided: the order's payment is over, a late authorization is refused
			case VOIDED -> new PaymentEvent.PaymentDeclined(payment.orderId(), payment.customerId(),
					DeclineReason.ORDER_CLOSED, this.clock.instant());
		};
	}

	/**
	 * Gives back whatever an order holds and closes the order (the tombstone that
	 * declines a later authorization).
	 * @param orderId the order
	 * @param reason why, for people
	 * @param cause the {@code VoidPayment} command or the terminal order event
	 * @param answerAlways {@code true} to publish {@code PaymentVoided} (with 0) even
	 * when nothing was held, as a command's reply; {@code false} for the terminal-event
	 * safety net, which publishes only when it released something
	 */
	public void voidPayment(OrderId orderId, String reason, ConsumedMessage cause, boolean answerAlways) {
		this.idempotent.handleOnce(cause, () -> {
			this.orders.close(orderId);
			Instant now = this.clock.instant();
			long released = 0;
			Optional<Payment> payment = this.payments.find(orderId);
			if (payment.isPresent()) {
				released = payment.get().voidHold(reason, now);
				if (released > 0) {
					Account account = this.accounts.lock(payment.get().customerId(), this.policy.defaultCredit());
					account.release(released);
					this.accounts.save(account);
					this.payments.update(payment.get());
					if (payment.get().sagaStyle() == SagaStyle.CHOREOGRAPHED) {
						countCompensation(reason);
					}
				}
			}
			if (released > 0 || answerAlways) {
				this.publisher.publish(new PaymentEvent.PaymentVoided(orderId, released, reason, now), cause);
			}
		});
	}

	/**
	 * Charges an approved order's hold; a payment is captured at most once.
	 * @param orderId the approved order
	 * @param cause the {@code OrderApproved} message
	 */
	public void capture(OrderId orderId, ConsumedMessage cause) {
		this.idempotent.handleOnce(cause, () -> {
			this.orders.lock(orderId);
			Optional<Payment> payment = this.payments.find(orderId);
			if (payment.isEmpty()) {
				logger.warn("Order {} was approved but has no payment to capture", orderId);
				return;
			}
			if (payment.get().status() != PaymentStatus.AUTHORIZED) {
				logger.debug("Payment of order {} is {}; nothing to capture", orderId, payment.get().status());
				return;
			}
			Instant now = this.clock.instant();
			long captured = payment.get().capture(now);
			Account account = this.accounts.lock(payment.get().customerId(), this.policy.defaultCredit());
			account.capture(captured);
			this.accounts.save(account);
			this.payments.update(payment.get());
			this.publisher.publish(new PaymentEvent.PaymentCaptured(orderId, captured, now), cause);
		});
	}

	/**
	 * Counts {@code saga.compensations{style="choreographed",reason}} once the void
	 * commits: in the choreographed saga the participant that undoes its step counts it
	 * (saga-orchestrator counts the orchestrated ones).
	 */
	private void countCompensation(String reason) {
		Counter counter = Counter.builder("saga.compensations")
			.description("Participant steps undone, by saga style and reason")
			.tag("style", "choreographed")
			.tag("reason", CompensationReasons.of(reason))
			.register(this.meters);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}

}
