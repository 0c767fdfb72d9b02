package org.dsmastery.order.contracts.v1;

/**
 * One line of an order, priced by inventory when the order was placed.
 *
 * @param sku the product
 * @param quantity how many, at least 1
 * @param unitPriceCents the unit price in minor units of the order's currency
 */
public record OrderLine(String sku, int quantity, long unitPriceCents) {
}
