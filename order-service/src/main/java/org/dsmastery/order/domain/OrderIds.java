package org.dsmastery.order.domain;

/**
 * Where new order ids come from.
 */
public interface OrderIds {

	/**
	 * Returns a new, unique order id.
	 * @return the id
	 */
	OrderId next();

}
