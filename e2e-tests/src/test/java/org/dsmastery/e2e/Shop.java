package org.dsmastery.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's and an operator's view of the running shop: a customer places orders and
 * reads their account through the gateway with their own token (logged in through the
 * auth-server's authorization-code flow); the operator, with the admin token, sets up
 * (products, stock, credit, the simulated payment provider) at the services' admin APIs
 * directly, which the edge does not expose, and watches orders and sagas through the
 * gateway.
 */
final class Shop {

	static final URI GATEWAY = Platform.TOPOLOGY.gateway().url();

	static final URI INVENTORY = Platform.TOPOLOGY.instance("inventory-service").url();

	static final URI PAYMENTS = Platform.TOPOLOGY.instance("payment-service").url();

	private static final Set<String> TERMINAL = Set.of("APPROVED", "REJECTED", "CANCELLED");

	private static final int MAX_ATTEMPTS = 8;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Creates a product with a fresh SKU and stock.
	 * @param name a readable part of the SKU
	 * @param priceCents its price
	 * @param units its stock
	 * @return the SKU
	 */
	String newProduct(String name, long priceCents, int units) {
		String sku = "SKU-E2E-" + name.toUpperCase() + "-"
				+ Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		send(INVENTORY, "PUT", "/api/admin/products/" + sku,
				"{\"name\":\"" + name + "\",\"priceCents\":" + priceCents + ",\"currency\":\"EUR\"}", 200, 201);
		send(INVENTORY, "POST", "/api/admin/products/" + sku + "/restock", "{\"quantity\":" + units + "}", 200);
		return sku;
	}

	/**
	 * Opens an account for a fresh customer.
	 * @param creditCents the customer's credit
	 * @return the customer id
	 */
	long newCustomer(long creditCents) {
		long customer = ThreadLocalRandom.current().nextLong(1_000_000, 1L << 50);
		send(PAYMENTS, "PUT", "/api/admin/accounts/" + customer, "{\"creditCents\":" + creditCents + "}", 200, 201);
		return customer;
	}

	/**
	 * Configures the simulated external payment provider.
	 * @param failureRate the share of calls that fail with 503
	 */
	void paymentProvider(double failureRate) {
		send(PAYMENTS, "PUT", "/api/admin/payment-provider",
				"{\"latencyMs\":0,\"failureRate\":" + failureRate + ",\"declineRate\":0.0}", 200);
	}

	/**
	 * Places an order through the gateway as the customer, with their token.
	 * @return the gateway's answer
	 */
	HttpResponse<String> place(long customer, String sku, int quantity, String style, String idempotencyKey) {
		String body = "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":"
				+ quantity + "}],\"sagaStyle\":\"" + style + "\"}";
		return exchange(GATEWAY, "POST", "/api/orders", body, idempotencyKey, shopper(customer));
	}

	static String shopper(long customer) {
		return Platform.TOKENS.shopper(Long.toString(customer));
	}

	static String admin() {
		return Platform.TOKENS.admin();
	}

	/**
	 * Places an order through the gateway.
	 * @return the order id
	 */
	String placeOrder(long customer, String sku, int quantity, String style) {
		HttpResponse<String> placed = place(customer, sku, quantity, style, UUID.randomUUID().toString());
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		return this.json.readTree(placed.body()).get("orderId").asString();
	}

	/**
	 * Places an order through the gateway as the operator, on a customer's behalf: for
	 * scenarios with hundreds of customers at once, whose logins are not what they test.
	 * @return the order id
	 */
	String placeOrderAsOperator(long customer, String sku, int quantity, String style) {
		String body = "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":"
				+ quantity + "}],\"sagaStyle\":\"" + style + "\"}";
		HttpResponse<String> placed = exchange(GATEWAY, "POST", "/api/orders", body, UUID.randomUUID().toString(),
				admin());
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		return this.json.readTree(placed.body()).get("orderId").asString();
	}

	/**
	 * Waits until every order is approved, rejected or cancelled.
	 * @param orders the order ids
	 * @param timeout how long at most
	 * @return each order's final view
	 */
	Map<String, JsonNode> awaitTerminal(List<String> orders, Duration timeout) {
		Map<String, JsonNode> done = new ConcurrentHashMap<>();
		List<String> open = new ArrayList<>(orders);
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(300))
			.alias("orders reach a terminal state")
			.until(() -> {
				for (String order : List.copyOf(open)) {
					JsonNode view = order(order);
					if (TERMINAL.contains(view.get("status").asString())) {
						done.put(order, view);
						open.remove(order);
					}
				}
				return open.isEmpty();
			});
		return done;
	}

	JsonNode awaitTerminal(String order) {
		return awaitTerminal(List.of(order), Duration.ofSeconds(60)).get(order);
	}

	JsonNode order(String order) {
		return getJson(GATEWAY, "/api/orders/" + order);
	}

	JsonNode stock(String sku) {
		return getJson(GATEWAY, "/api/products/" + sku).get("stock");
	}

	JsonNode account(long customer) {
		HttpResponse<String> response = exchange(GATEWAY, "GET", "/api/accounts/" + customer, null, null,
				shopper(customer));
		assertThat(response.statusCode()).as("GET /api/accounts/%s: %s", customer, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	JsonNode saga(String order) {
		return getJson(GATEWAY, "/api/sagas/" + order);
	}

	/**
	 * Gets a path as the operator.
	 * @return the answer
	 */
	HttpResponse<String> get(URI base, String path) {
		return exchange(base, "GET", path, null, null, admin());
	}

	private JsonNode getJson(URI base, String path) {
		HttpResponse<String> response = get(base, path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private void send(URI base, String method, String path, String body, Integer... expected) {
		HttpResponse<String> response = exchange(base, method, path, body, null, admin());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isIn((Object[]) expected);
	}

	/**
	 * Sends a request the way a well-behaved client does: a {@code 429} or a {@code 503}
	 * with {@code Retry-After} is sent again after the pause it asks for (a POST with the
	 * same {@code Idempotency-Key}, so it cannot place a second order), a few times at
	 * most.
	 */
	private HttpResponse<String> exchange(URI base, String method, String path, String body, String idempotencyKey,
			String token) {
		HttpResponse<String> response = exchangeOnce(base, method, path, body, idempotencyKey, token);
		for (int attempt = 1; attempt < MAX_ATTEMPTS && isRetryable(response); attempt++) {
			long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			pause(Duration.ofSeconds(Math.min(seconds, 5)));
			response = exchangeOnce(base, method, path, body, idempotencyKey, token);
		}
		return response;
	}

	private static boolean isRetryable(HttpResponse<String> response) {
		return (response.statusCode() == 429 || response.statusCode() == 503)
				&& response.headers().firstValue("Retry-After").isPresent();
	}

	private HttpResponse<String> exchangeOnce(URI base, String method, String path, String body, String idempotencyKey,
			String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
