/**
 * Version 1 of inventory-service's wire contracts: the commands it handles on
 * {@value InventoryTopics#COMMANDS} ({@link ReserveStock}, {@link ReleaseStock}) and the
 * events it publishes on {@value InventoryTopics#EVENTS}. Conventions as in
 * {@code org.dsmastery.order.contracts.v1}: record key and correlation id are the order
 * id, ids travel as strings, golden examples under {@code contracts/inventory/v1/}.
 */
package org.dsmastery.inventory.contracts.v1;
