/**
 * Version 1 of payment-service's wire contracts: the commands it handles on
 * {@value PaymentTopics#COMMANDS} ({@link AuthorizePayment}, {@link VoidPayment}) and the
 * events it publishes on {@value PaymentTopics#EVENTS}. Conventions as in
 * {@code org.dsmastery.order.contracts.v1}: record key and correlation id are the order
 * id, ids travel as strings, golden examples under {@code contracts/payment/v1/}.
 */
package org.dsmastery.payment.contracts.v1;
