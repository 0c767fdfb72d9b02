package org.dsmastery.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.dsmastery.topology.Instance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's security as an attacker meets it, through the gateway and at the
 * services directly (OWASP API Security Top 10, 2023; docs/security.md maps each risk to
 * its test): one shopper's token never reaches another's orders, account or payments; a
 * shopper's token opens no operator API; a token that is not the auth-server's, or no
 * token, opens nothing but the catalogue; the headers a caller could forge are not read.
 */
final class SecurityScenarios {

	private static final URI GATEWAY = Shop.GATEWAY;

	private static final URI PAYMENTS = Shop.PAYMENTS;

	private static final URI ORDERS = Platform.TOPOLOGY.instance("order-service").url();

	private final Shop shop = new Shop();

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * API1, broken object-level authorization: Alice's token, at the gateway and at the
	 * services, gets 404 for Bob's order, its events and its cancellation, for Bob's
	 * account and Bob's payment, and 403 for his order history or an order in his name;
	 * naming Bob in {@code X-Customer-Id} changes nothing.
	 */
	void aShopperReachesOnlyTheirOwnOrdersAccountAndPayments() {
		String sku = this.shop.newProduct("bola", 1_000, 10);
		long alice = this.shop.newCustomer(100_000);
		long bob = this.shop.newCustomer(100_000);
		String bobsOrder = this.shop.placeOrder(bob, sku, 1, "orchestrated");
		this.shop.awaitTerminal(bobsOrder);
		String aliceToken = Shop.shopper(alice);

		for (URI base : new URI[] { GATEWAY, ORDERS }) {
			assertProblem(send(base, "GET", "/api/orders/" + bobsOrder, aliceToken, null), 404, "order-not-found");
			assertProblem(send(base, "GET", "/api/orders/" + bobsOrder + "/events", aliceToken, null), 404,
					"order-not-found");
			assertProblem(send(base, "POST", "/api/orders/" + bobsOrder + "/cancel", aliceToken, null), 404,
					"order-not-found");
			assertProblem(send(base, "GET", "/api/orders?customerId=" + bob, aliceToken, null), 403, "forbidden");
			assertProblem(
					send(base, "POST", "/api/orders", aliceToken,
							"{\"customerId\":\"" + bob + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}"),
					403, "forbidden");
		}
		for (URI base : new URI[] { GATEWAY, PAYMENTS }) {
			assertProblem(send(base, "GET", "/api/accounts/" + bob, aliceToken, null), 404, "account-not-found");
			assertProblem(send(base, "GET", "/api/payments/" + bobsOrder, aliceToken, null), 404, "payment-not-found");
		}
		HttpResponse<String> spoofed = Http.send(HttpRequest.newBuilder(GATEWAY.resolve("/api/orders/" + bobsOrder))
			.header("Authorization", "Bearer " + aliceToken)
			.header("X-Customer-Id", Long.toString(bob)));
		assertProblem(spoofed, 404, "order-not-found");

		assertThat(send(GATEWAY, "GET", "/api/orders/" + bobsOrder, Shop.shopper(bob), null).statusCode())
			.isEqualTo(200);
		assertThat(send(GATEWAY, "GET", "/api/orders?customerId=" + bob, Shop.shopper(bob), null).body())
			.contains(bobsOrder);
	}

	/**
	 * API3, broken object-property authorization: a shopper's view of their payment has
	 * no provider reference; the operator's has.
	 */
	void aShopperSeesNoInternalFieldsOfTheirPayment() {
		String sku = this.shop.newProduct("props", 1_000, 10);
		long customer = this.shop.newCustomer(100_000);
		String order = this.shop.placeOrder(customer, sku, 1, "orchestrated");
		assertThat(this.shop.awaitTerminal(order).get("status").asString()).isEqualTo("APPROVED");

		JsonNode asShopper = json(send(GATEWAY, "GET", "/api/payments/" + order, Shop.shopper(customer), null));
		JsonNode asOperator = json(send(GATEWAY, "GET", "/api/payments/" + order, Shop.admin(), null));

		assertThat(asShopper.has("authorizationId")).as(asShopper.toString()).isFalse();
		assertThat(asShopper.get("status").asString()).isEqualTo(asOperator.get("status").asString());
		assertThat(asOperator.get("authorizationId").asString()).isNotBlank();
	}

	/**
	 * API5, broken function-level authorization: a shopper's token opens no operator API,
	 * at the gateway (sagas) or at a service (admin, audit); a request without a token
	 * opens only the catalogue.
	 */
	void aShopperOrAnAnonymousCallerReachesNoOperatorApi() {
		String shopper = Shop.shopper(this.shop.newCustomer(1_000));
		assertProblem(send(GATEWAY, "GET", "/api/sagas?state=APPROVED", shopper, null), 403, "forbidden");
		assertProblem(send(PAYMENTS, "PUT", "/api/admin/accounts/7", shopper, "{\"creditCents\":1}"), 403, "forbidden");
		assertProblem(send(PAYMENTS, "GET", "/api/audit/payments", shopper, null), 403, "forbidden");
		assertProblem(
				send(Shop.INVENTORY, "POST", "/api/admin/products/SKU-MOUSE/restock", shopper, "{\"quantity\":1000}"),
				403, "forbidden");

		assertThat(send(GATEWAY, "GET", "/api/products", null, null).statusCode()).isEqualTo(200);
		HttpResponse<String> anonymous = send(GATEWAY, "GET", "/api/orders?customerId=42", null, null);
		assertProblem(anonymous, 401, "unauthorized");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(send(PAYMENTS, "GET", "/api/accounts/42", null, null), 401, "unauthorized");
	}

	/**
	 * API2, broken authentication: a token whose signature was tampered with, one that
	 * declares {@code alg: none}, and one that is no JWT at all are refused with 401 and
	 * an RFC 6750 challenge, at the gateway and at a service.
	 */
	void aForgedTokenOpensNothing() {
		String genuine = Shop.admin();
		String[] parts = genuine.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + flipped(parts[2]);
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String unsigned = header + "." + parts[1] + ".";
		for (String forged : new String[] { tampered, unsigned, "not-a-jwt" }) {
			for (URI base : new URI[] { GATEWAY, PAYMENTS }) {
				HttpResponse<String> response = send(base, "GET", "/api/accounts/42", forged, null);
				assertProblem(response, 401, "unauthorized");
				assertThat(response.headers().firstValue("WWW-Authenticate"))
					.hasValue("Bearer error=\"invalid_token\"");
			}
		}
		assertThat(send(GATEWAY, "GET", "/api/orders?customerId=42", genuine, null).statusCode()).isEqualTo(200);
	}

	/**
	 * API7, server-side request forgery: no service fetches an address a caller hands it.
	 * A canary on loopback counts every request that reaches it while a caller offers its
	 * address every way one could be taken up: as the key set of a token ({@code jku},
	 * {@code x5u}: a resource server that followed them would verify a forger's token
	 * with the forger's key), in the headers proxies read as addresses, in parameters
	 * named like callbacks, in a JSON field, and as the redirect and request URIs of an
	 * authorization request. Each is refused or ignored, and nothing calls the canary.
	 */
	void noServiceFetchesAnAddressACallerHandsIt() throws IOException, InterruptedException {
		CountDownLatch called = new CountDownLatch(1);
		HttpServer canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		canary.createContext("/", (exchange) -> {
			called.countDown();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		canary.start();
		try {
			String url = "http://127.0.0.1:" + canary.getAddress().getPort() + "/keys";
			String genuine = Shop.admin();
			String[] parts = genuine.split("\\.");
			String header = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						("{\"alg\":\"RS256\",\"kid\":\"forger\",\"jku\":\"" + url + "\",\"x5u\":\"" + url + "\"}")
							.getBytes(StandardCharsets.UTF_8));
			String pointingAway = header + "." + parts[1] + "." + parts[2];
			for (URI base : new URI[] { GATEWAY, PAYMENTS, ORDERS }) {
				assertProblem(send(base, "GET", "/api/accounts/42", pointingAway, null), 401, "unauthorized");
			}

			String shopper = Shop.shopper(this.shop.newCustomer(1_000));
			for (String path : new String[] { "/api/products?url=" + url + "&callback=" + url,
					"/api/orders?customerId=1&redirect_uri=" + url, "/api/accounts/1?next=" + url }) {
				HttpResponse<String> response = Http.send(HttpRequest.newBuilder(GATEWAY.resolve(path))
					.header("Authorization", "Bearer " + shopper)
					.header("X-Forwarded-Host", "127.0.0.1:" + canary.getAddress().getPort())
					.header("X-Forwarded-Proto", "http")
					.header("Forwarded", "host=127.0.0.1:" + canary.getAddress().getPort())
					.header("X-Original-URL", url)
					.header("X-Rewrite-URL", url)
					.header("Referer", url));
				assertThat(response.statusCode()).as(path).isLessThan(500);
			}
			assertProblem(send(GATEWAY, "POST", "/api/orders", shopper,
					"{\"customerId\":\"1\",\"lines\":[{\"sku\":\"SKU-MOUSE\",\"quantity\":1}],\"callbackUrl\":\"" + url
							+ "\"}"),
					400, "invalid-request");

			URI authorize = Platform.TOPOLOGY.instance("auth-server")
				.url("/oauth2/authorize?response_type=code&client_id=shop-shopper&scope=shop&code_challenge_method=S256"
						+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=" + url
						+ "&request_uri=" + url);
			HttpResponse<String> authorization = Http.send(HttpRequest.newBuilder(authorize));
			assertThat(authorization.statusCode()).as(authorization.body()).isLessThan(500);
			// nor an open redirect to the address it was handed
			assertThat(authorization.headers().firstValue("Location").orElse("")).doesNotContain(url);

			assertThat(called.await(2, TimeUnit.SECONDS)).as("a request reached the canary").isFalse();
		}
		finally {
			canary.stop(0);
		}
	}

	/**
	 * API8, security misconfiguration: every process's actuator listens on its own
	 * management port, bound to 127.0.0.1 only, and answers probes and scrapes there;
	 * nothing of it answers on the port callers use, at the gateway or at a service, even
	 * to an operator's token.
	 */
	void theActuatorsAnswerOnlyOnTheirManagementPorts() throws IOException {
		String operator = Shop.admin();
		for (Instance instance : Platform.TOPOLOGY.springBootInstances()) {
			int management = instance.managementPort().orElseThrow();
			assertThat(Http.send(HttpRequest.newBuilder(instance.managementUrl("/actuator/health"))).statusCode())
				.as(instance.id())
				.isEqualTo(200);
			assertThat(listeningAddresses(management)).as("%s's actuator listens on", instance.id())
				.containsExactly("127.0.0.1");
			for (String endpoint : new String[] { "/actuator", "/actuator/health", "/actuator/prometheus" }) {
				// not found; or, at the auth-server, whose pages need a login rather than
				// a
				// token, not even that far
				HttpResponse<String> onServicePort = send(instance.url(), "GET", endpoint, operator, null);
				assertThat(onServicePort.statusCode()).as("%s %s", instance.id(), endpoint).isIn(401, 404);
				assertThat(onServicePort.body()).as("%s %s", instance.id(), endpoint)
					.doesNotContain("_links", "\"status\":\"UP\"", "jvm_memory");
			}
		}
		assertProblem(send(GATEWAY, "GET", "/actuator/gateway/routes", operator, null), 404, "not-found");
		assertProblem(send(GATEWAY, "POST", "/actuator/ratelimit", operator, "{\"enabled\":false}"), 404, "not-found");
		URI gatewayActuator = Platform.TOPOLOGY.gateway().managementUrl("/actuator/gateway/routes");
		assertThat(send(gatewayActuator, "GET", gatewayActuator.getPath(), operator, null).statusCode()).isEqualTo(200);
	}

	/**
	 * The local addresses a TCP port listens on, from the kernel's socket tables (IPv4,
	 * and IPv6 where the JVM listens on a dual-stack socket).
	 */
	private static List<String> listeningAddresses(int port) throws IOException {
		List<String> addresses = new ArrayList<>();
		String suffix = String.format(":%04X", port);
		for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			for (String line : Files.readAllLines(Path.of(table))) {
				String[] fields = line.strip().split("\\s+");
				// local_address is field 1 (hex address:port), st field 3 (0A: LISTEN)
				if (fields.length > 3 && fields[1].endsWith(suffix) && fields[3].equals("0A")) {
					addresses.add(address(fields[1].substring(0, fields[1].indexOf(':'))));
				}
			}
		}
		return addresses;
	}

	/** A kernel socket table's address: little-endian hex, per 32-bit word. */
	private static String address(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int at = (word * 4 + 3 - i) * 2;
				bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
			}
		}
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String flipped(String signature) {
		char last = signature.charAt(signature.length() - 2);
		return signature.substring(0, signature.length() - 2) + ((last == 'A') ? 'B' : 'A')
				+ signature.charAt(signature.length() - 1);
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(response).get("type").asString()).isEqualTo("https://dsmastery.org/problems/" + type);
	}

	private JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(URI base, String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
		}
		return Http.send(request);
	}

}
