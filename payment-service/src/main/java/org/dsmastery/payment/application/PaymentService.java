package org.dsmastery.payment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactions;

	private final CreditPolicy policy;

	private final Clock clock;

	PaymentService(AccountRepository accounts, PaymentRepository payments, PaymentOrderRepository orders,
			PaymentProvider provider, PaymentEventPublisher publisher, IdempotentConsumer idempotent,
			TransactionTemplate transactions, CreditPolicy policy, Clock clock) {
		this.accounts = accounts;
		this.payments = payments;
		this.orders = orders;
		this.provider = provider;
		this.publisher = publisher;
		this.idempotent = idempotent;
		this.transactions = transactions;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Records an order from its {@code OrderPlaced}: its amount and saga style, which a
	 * choreographed authorization needs.
	 * @param order the order
	 * @param trigger the {@code OrderPlaced} message
	 */
	public void recordPlaced(PaymentOrder order, Trigger trigger) {
		once(trigger, () -> this.orders.recordPlaced(order));
	}

	/**
	 * Authorizes a choreographed order on its {@code StockReserved}; ignores an
	 * orchestrated one (saga-orchestrator sends the command).
	 * @param orderId the order whose stock was reserved
	 * @param trigger the {@code StockReserved} message
	 * @throws OrderNotPlacedYetException if the order's {@code OrderPlaced} was not seen
	 * yet (retried)
	 */
	public void authorizeReserved(OrderId orderId, Trigger trigger) {
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
			once(trigger, () -> {
			});
			return;
		}
		authorize(new AuthorizationRequest(orderId, order.customerId(), order.amount(), SagaStyle.CHOREOGRAPHED),
				trigger);
	}

	/**
	 * Authorizes an order's payment: holds the amount on the customer's credit if the
	 * balance covers it and the provider authorizes it. An order that already has a
	 * payment gets its outcome again (never a second hold); a closed order is declined.
	 * The provider is called outside any transaction; its result, the account change, the
	 * payment row, the processed mark and the event commit together afterwards.
	 * @param request what to authorize
	 * @param trigger the command or event that asked for it
	 */
	public void authorize(AuthorizationRequest request, Trigger trigger) {
		ProviderResult result = needsProvider(request) ? this.provider.authorize(request.orderId(), request.amount())
				: null;
		once(trigger, () -> decide(request, result, trigger));
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

	private void decide(AuthorizationRequest request, ProviderResult result, Trigger trigger) {
		PaymentOrder order = this.orders.lock(request.orderId());
		Optional<Payment> existing = this.payments.find(request.orderId());
		if (existing.isPresent()) {
			this.publisher.publish(outcomeOf(existing.get()), trigger);
			return;
		}
		if (order.closed()) {
			decline(request, DeclineReason.ORDER_CLOSED, trigger);
			return;
		}
		Account account = this.accounts.lock(request.customerId(), this.policy.defaultCredit());
		if (!account.covers(request.amount())) {
			decline(request, DeclineReason.INSUFFICIENT_CREDIT, trigger);
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
				this.publisher.publish(outcomeOf(payment), trigger);
			}
			case ProviderResult.Declined declined -> decline(request, DeclineReason.PROVIDER_DECLINED, trigger);
			case ProviderResult.Unavailable unavailable -> {
				logger.warn("Payment provider unavailable for order {}: {}", request.orderId(), unavailable.detail());
				decline(request, DeclineReason.PROVIDER_UNAVAILABLE, trigger);
			}
		}
	}

	private void decline(AuthorizationRequest request, String reason, Trigger trigger) {
		Payment payment = Payment.declined(request.orderId(), request.customerId(), request.amount(),
				request.sagaStyle(), reason, this.clock.instant());
		this.payments.insert(payment);
		this.publisher.publish(outcomeOf(payment), trigger);
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
	 * @param trigger the {@code VoidPayment} command or the terminal order event
	 * @param answerAlways {@code true} to publish {@code PaymentVoided} (with 0) even
	 * when nothing was held, as a command's reply; {@code false} for the terminal-event
	 * safety net, which publishes only when it released something
	 */
	public void voidPayment(OrderId orderId, String reason, Trigger trigger, boolean answerAlways) {
		once(trigger, () -> {
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
				}
			}
			if (released > 0 || answerAlways) {
				this.publisher.publish(new PaymentEvent.PaymentVoided(orderId, released, reason, now), trigger);
			}
		});
	}

	/**
	 * Charges an approved order's hold; a payment is captured at most once.
	 * @param orderId the approved order
	 * @param trigger the {@code OrderApproved} message
	 */
	public void capture(OrderId orderId, Trigger trigger) {
		once(trigger, () -> {
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
			this.publisher.publish(new PaymentEvent.PaymentCaptured(orderId, captured, now), trigger);
		});
	}

	private void once(Trigger trigger, Runnable effect) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.idempotent.markProcessed(trigger.consumer(), trigger.messageId())) {
				effect.run();
			}
			else {
				logger.debug("{} skipped duplicate message {}", trigger.consumer(), trigger.messageId());
			}
		});
	}

}
