/**
 * Version 1 of order-service's wire contracts: the events it publishes on
 * {@value OrderTopics#EVENTS} and the commands it handles on
 * {@value OrderTopics#COMMANDS}.
 * <p>
 * Conventions every contract of the platform follows:
 * <ul>
 * <li>Events are past-tense records owned by the emitting service; commands are
 * imperative records owned by the handling service.</li>
 * <li>Topics are named explicitly and carry the major version; the record key is the
 * order id, so all messages of one order keep their order.</li>
 * <li>Ids are 63-bit Snowflake ids sent as JSON strings; amounts are integer minor units
 * (cents) with an ISO 4217 currency; times are ISO-8601 instants.</li>
 * <li>Within {@code v1} only optional fields are added; consumers ignore fields they do
 * not know. A breaking change is a {@code v2} package and topic.</li>
 * <li>Each type has a golden JSON example under {@code contracts/order/v1/} on the class
 * path ({@link OrderContracts#goldenExample(Class)}) that the producer and every consumer
 * round-trip in their tests.</li>
 * <li>Each record's {@code TYPE} constant is its {@code type} header, written out rather
 * than derived from the class name ({@link OrderContracts#typeOf(Class)});
 * {@link OrderContracts#VERSION} is the {@code version} header.</li>
 * </ul>
 */
package org.dsmastery.order.contracts.v1;
