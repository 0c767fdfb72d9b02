package org.dsmastery.saga.adapter.out.messaging;

import org.dsmastery.inventory.contracts.v1.InventoryContracts;
import org.dsmastery.inventory.contracts.v1.InventoryTopics;
import org.dsmastery.inventory.contracts.v1.ReleaseStock;
import org.dsmastery.inventory.contracts.v1.ReserveStock;
import org.dsmastery.inventory.contracts.v1.StockLine;
import org.dsmastery.messaging.OutgoingMessage;
import org.dsmastery.order.contracts.v1.ApproveOrder;
import org.dsmastery.order.contracts.v1.OrderContracts;
import org.dsmastery.order.contracts.v1.OrderTopics;
import org.dsmastery.order.contracts.v1.RejectOrder;
import org.dsmastery.outbox.Outbox;
import org.dsmastery.payment.contracts.v1.AuthorizePayment;
import org.dsmastery.payment.contracts.v1.PaymentContracts;
import org.dsmastery.payment.contracts.v1.PaymentTopics;
import org.dsmastery.payment.contracts.v1.VoidPayment;
import org.dsmastery.saga.application.SagaCommandSender;
import org.dsmastery.saga.domain.PlaceOrderSaga;
import org.dsmastery.saga.domain.SagaCommand;

import org.springframework.stereotype.Component;

/**
 * Sends saga commands to the topic of the participant that owns them, through the
 * transactional outbox: keyed and correlated by the order id, with the saga id (the same
 * id) in the {@code saga-id} header, which replies copy.
 */
@Component
class OutboxSagaCommandSender implements SagaCommandSender {

	private final Outbox outbox;

	OutboxSagaCommandSender(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public String send(PlaceOrderSaga saga, SagaCommand command, String causationId) {
		long orderId = saga.orderId();
		Addressed addressed = switch (command) {
			case SagaCommand.ReserveStock reserve -> inventory(new ReserveStock(orderId,
					reserve.lines().stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList()));
			case SagaCommand.ReleaseStock release -> inventory(new ReleaseStock(orderId, release.reason()));
			case SagaCommand.AuthorizePayment authorize -> payment(new AuthorizePayment(orderId, authorize.customerId(),
					authorize.amountCents(), authorize.currency()));
			case SagaCommand.VoidPayment voidPayment -> payment(new VoidPayment(orderId, voidPayment.reason()));
			case SagaCommand.ApproveOrder approve -> order(new ApproveOrder(orderId));
			case SagaCommand.RejectOrder reject -> order(new RejectOrder(orderId, reject.reason()));
		};
		String key = Long.toString(orderId);
		OutgoingMessage message = OutgoingMessage
			.ofContract(addressed.topic(), key, addressed.type(), addressed.version(), addressed.contract())
			.causationId(causationId)
			.sagaId(key)
			.build();
		this.outbox.append(message);
		return message.messageId().toString();
	}

	private static Addressed inventory(Record command) {
		return new Addressed(InventoryTopics.COMMANDS, InventoryContracts.typeOf(command.getClass()),
				InventoryContracts.VERSION, command);
	}

	private static Addressed payment(Record command) {
		return new Addressed(PaymentTopics.COMMANDS, PaymentContracts.typeOf(command.getClass()),
				PaymentContracts.VERSION, command);
	}

	private static Addressed order(Record command) {
		return new Addressed(OrderTopics.COMMANDS, OrderContracts.typeOf(command.getClass()), OrderContracts.VERSION,
				command);
	}

	private record Addressed(String topic, String type, int version, Record contract) {
	}

}
