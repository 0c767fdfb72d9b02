package org.dsmastery.inventory.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.dsmastery.inventory.application.CacheUnavailableException;
import org.dsmastery.inventory.domain.ProductNotFoundException;
import org.dsmastery.servicedefaults.web.ProblemAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the inventory API as an RFC 9457 problem with a stable {@code type}.
 */
@RestControllerAdvice
class InventoryProblems extends ProblemAdvice {

	static final URI PRODUCT_NOT_FOUND = type("product-not-found");

	static final URI DEPENDENCY_UNAVAILABLE = type("dependency-unavailable");

	@ExceptionHandler
	ProblemDetail notFound(ProductNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, PRODUCT_NOT_FOUND, "Product not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail cacheUnavailable(CacheUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, DEPENDENCY_UNAVAILABLE, "Product cache unavailable",
				"the change was not made: the product cache could not be written through; try again");
	}

}
