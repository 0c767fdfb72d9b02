package org.dsmastery.order.adapter.in.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/orders}. Prices are not part of it: they come from inventory.
 * Every string has a length bound of its own ({@code @Size}; the patterns say only which
 * characters), so an over-long value is named as such. The lines cascade as container
 * elements ({@code List<@Valid Line>}): Hibernate Validator 9.1 deprecates {@code @Valid}
 * on the list itself.
 *
 * @param customerId the customer, a positive number as a string of at most 18 digits
 * @param lines one to 50 lines, one per SKU
 * @param sagaStyle {@code orchestrated} (default) or {@code choreographed}
 */
record PlaceOrderRequest(
		@NotNull @Size(max = 18) @Pattern(regexp = "[1-9][0-9]*", message = "must be a positive id") String customerId,
		@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Line> lines,
		@Size(max = 13) @Pattern(regexp = "orchestrated|choreographed",
				message = "must be orchestrated or choreographed") String sagaStyle) {

	/**
	 * One line.
	 *
	 * @param sku the product, at most 64 characters
	 * @param quantity 1 to 1000
	 */
	record Line(
			@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*",
					message = "must be upper-case letters, digits and dashes") String sku,
			@NotNull @Min(1) @Max(1000) Integer quantity) {
	}

}
