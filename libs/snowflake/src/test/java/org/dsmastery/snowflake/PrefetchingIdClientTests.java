package org.dsmastery.snowflake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class PrefetchingIdClientTests {

	private final SnowflakeGenerator generator = new SnowflakeGenerator(9, Duration.ofMillis(5));

	private final AtomicBoolean sourceDown = new AtomicBoolean();

	private final AtomicInteger fetches = new AtomicInteger();

	private final IdSource source = (count) -> {
		this.fetches.incrementAndGet();
		if (this.sourceDown.get()) {
			throw new IllegalStateException("id-generator is down");
		}
		return this.generator.nextIds(count);
	};

	@Test
	void servesUniqueIdsFromFewFetches() {
		PrefetchingIdClient client = new PrefetchingIdClient(this.source, 100, 20, Duration.ofSeconds(2));
		client.prefill();

		Set<Long> ids = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			ids.add(client.nextId());
		}

		assertThat(ids).hasSize(1_000);
		assertThat(this.fetches.get()).isLessThan(100);
	}

	@Test
	void keepsServingFromTheBufferWhileTheSourceIsDown() {
		PrefetchingIdClient client = new PrefetchingIdClient(this.source, 100, 10, Duration.ofMillis(200));
		client.prefill();
		this.sourceDown.set(true);

		Set<Long> ids = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			ids.add(client.nextId());
		}

		assertThat(ids).hasSize(100);
		assertThatExceptionOfType(IdsUnavailableException.class).isThrownBy(client::nextId)
			.withCauseInstanceOf(IllegalStateException.class);

		this.sourceDown.set(false);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(client.nextId()).isPositive());
	}

	@Test
	void fetchesOverHttpFromTheIdGeneratorApi() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/ids", (exchange) -> {
			int count = Integer.parseInt(exchange.getRequestURI().getQuery().replace("count=", ""));
			String body = Arrays.stream(this.generator.nextIds(count))
				.mapToObj((id) -> "\"" + id + "\"")
				.collect(Collectors.joining(",", "{\"ids\":[", "]}"));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		try {
			RestClient restClient = RestClient.create("http://127.0.0.1:" + server.getAddress().getPort());
			// the first id waits for a cold HTTP client's first fetch: generous, for a
			// loaded
			// machine (this test is about ids over HTTP, not about speed)
			PrefetchingIdClient client = new PrefetchingIdClient(new RestClientIdSource(restClient), 50, 10,
					Duration.ofSeconds(10));

			long first = client.nextId();
			long second = client.nextId();

			assertThat(second).isGreaterThan(first);
			assertThat(SnowflakeId.decode(first).workerId()).isEqualTo(9);
		}
		finally {
			server.stop(0);
		}
	}

}
