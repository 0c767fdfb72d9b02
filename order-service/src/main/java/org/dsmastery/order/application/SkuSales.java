package org.dsmastery.order.application;

import org.dsmastery.order.domain.Sku;

/**
 * Sales of one product.
 *
 * @param sku the product
 * @param ordered units on all orders placed
 * @param sold units on approved orders
 * @param revenueCents revenue of approved orders, minor units
 * @param currency the currency of the revenue
 */
public record SkuSales(Sku sku, long ordered, long sold, long revenueCents, String currency) {
}
