package org.dsmastery.inventory.contracts.v1;

/**
 * A quantity of one product.
 *
 * @param sku the product
 * @param quantity units, at least 1
 */
public record StockLine(String sku, int quantity) {
}
