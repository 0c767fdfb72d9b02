package org.dsmastery.order.adapter.out.pricing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.dsmastery.order.domain.Money;
import org.dsmastery.order.domain.PriceCatalog;
import org.dsmastery.order.domain.PricesUnavailableException;
import org.dsmastery.order.domain.Sku;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks inventory-service for prices with {@code GET /api/products/prices?sku=A&sku=B},
 * behind a read timeout and a circuit breaker: when inventory keeps failing, calls fail
 * fast for a while instead of piling up.
 */
@Component
class HttpPriceCatalog implements PriceCatalog {

	private final RestClient inventory;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	HttpPriceCatalog(@Qualifier("inventoryRestClient") RestClient inventory,
			@Qualifier("inventoryCircuitBreaker") CircuitBreaker circuitBreaker,
			@Qualifier("inventoryRetry") Retry retry) {
		this.inventory = inventory;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
	}

	@Override
	public Map<Sku, Money> prices(Set<Sku> skus) {
		try {
			// a GET: safe to retry; the breaker sees every attempt, the retry skips an
			// open one
			PricesResponse response = this.retry
				.executeSupplier(() -> this.circuitBreaker.executeSupplier(() -> this.inventory.get()
					.uri((uri) -> uri.path("/api/products/prices")
						.queryParam("sku", skus.stream().map(Sku::code).toArray())
						.build())
					.retrieve()
					.body(PricesResponse.class)));
			if (response == null || response.prices() == null) {
				throw new PricesUnavailableException("inventory answered without prices", null);
			}
			return response.prices()
				.stream()
				.collect(Collectors.toMap((price) -> new Sku(price.sku()),
						(price) -> new Money(price.priceCents(), price.currency())));
		}
		catch (CallNotPermittedException ex) {
			throw new PricesUnavailableException("inventory-service is failing; its circuit breaker is open", ex);
		}
		catch (RestClientException ex) {
			throw new PricesUnavailableException("inventory-service did not answer: " + ex.getMessage(), ex);
		}
	}

	// a tolerant reader: inventory may add fields to its answer without breaking this
	// client
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PricesResponse(List<Price> prices) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Price(String sku, long priceCents, String currency) {
	}

}
