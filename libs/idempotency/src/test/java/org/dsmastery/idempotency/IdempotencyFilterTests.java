package org.dsmastery.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dsmastery.devstack.Infra;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key rules over real HTTP, with the business change and the stored
 * response in a real PostgreSQL.
 */
@SpringBootTest(classes = IdempotencyFilterTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shop.idempotency.paths=/things")
@UsesInfrastructure(value = Infra.POSTGRES, database = "idempotency")
class IdempotencyFilterTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final CountDownLatch slowRequestMayFinish = new CountDownLatch(1);

	static final CountDownLatch slowRequestStarted = new CountDownLatch(1);

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdempotencyStore store;

	@BeforeEach
	void table() {
		this.jdbc.execute("create table if not exists thing (id serial primary key, name text)");
	}

	@Test
	void rejectsAPostWithoutKey() {
		ResponseEntity<Map<String, Object>> response = post(null, "{\"name\":\"a\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("type", IdempotencyFilter.MISSING_KEY.toString());
	}

	@Test
	void rejectsAKeyThatCannotBeStoredAsSent() {
		for (String key : List.of("k".repeat(256), "key\twith-a-tab")) {
			ResponseEntity<Map<String, Object>> response = post(key, "{\"name\":\"invalid-key\"}");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", IdempotencyFilter.INVALID_KEY.toString());
		}
		assertThat(post("k".repeat(255), "{\"name\":\"longest-key\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(count("invalid-key")).isZero();
	}

	@Test
	void replaysTheFirstResponseToARepeatAndCreatesNothingNew() {
		String key = UUID.randomUUID().toString();
		String name = "replayed-" + key;

		ResponseEntity<Map<String, Object>> first = post(key, "{\"name\":\"" + name + "\"}");
		ResponseEntity<Map<String, Object>> again = post(key, "{\"name\":\"" + name + "\"}");

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(again.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(count(name)).isOne();
	}

	@Test
	void refusesTheSameKeyForADifferentRequest() {
		String key = UUID.randomUUID().toString();
		post(key, "{\"name\":\"one\"}");

		ResponseEntity<Map<String, Object>> other = post(key, "{\"name\":\"another\"}");

		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(other.getBody()).containsEntry("type", IdempotencyFilter.KEY_REUSED.toString());
		assertThat(count("another")).isZero();
	}

	@Test
	void answers409WhileTheFirstRequestIsInFlight() throws Exception {
		String key = UUID.randomUUID().toString();
		try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
			Future<ResponseEntity<Map<String, Object>>> slow = executor.submit(() -> post(key, "{\"name\":\"slow\"}"));
			assertThat(slowRequestStarted.await(10, TimeUnit.SECONDS)).isTrue();

			ResponseEntity<Map<String, Object>> meanwhile = post(key, "{\"name\":\"slow\"}");
			slowRequestMayFinish.countDown();

			assertThat(meanwhile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(meanwhile.getBody()).containsEntry("type", IdempotencyFilter.IN_FLIGHT.toString());
			assertThat(slow.get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
	}

	@Test
	void twentyConcurrentIdenticalRequestsCreateOneThing() throws Exception {
		String key = UUID.randomUUID().toString();
		String name = "concurrent-" + key;
		List<ResponseEntity<Map<String, Object>>> responses = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<ResponseEntity<Map<String, Object>>>> futures = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				futures.add(clients.submit(() -> {
					go.await();
					return post(key, "{\"name\":\"" + name + "\"}");
				}));
			}
			go.countDown();
			for (Future<ResponseEntity<Map<String, Object>>> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
		}

		assertThat(count(name)).isOne();
		assertThat(responses).extracting(ResponseEntity::getStatusCode)
			.isSubsetOf(HttpStatus.CREATED, HttpStatus.CONFLICT)
			.contains(HttpStatus.CREATED);
		assertThat(responses).filteredOn((r) -> r.getStatusCode() == HttpStatus.CREATED)
			.extracting((r) -> r.getHeaders().getLocation())
			.containsOnly(responses.stream()
				.filter((r) -> r.getStatusCode() == HttpStatus.CREATED)
				.findFirst()
				.orElseThrow()
				.getHeaders()
				.getLocation());
	}

	@Test
	void doesNotStoreAFailureSoTheRetryRunsAgain() {
		String key = UUID.randomUUID().toString();

		ResponseEntity<Map<String, Object>> failed = post(key, "{\"name\":\"explode\"}");
		ResponseEntity<Map<String, Object>> retried = post(key, "{\"name\":\"explode\"}");

		assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(retried.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isNull();
		assertThat(count("explode")).as("the failed attempts rolled back").isZero();
	}

	@Test
	void forgetsKeysAfterTheRetention() {
		String key = UUID.randomUUID().toString();
		post(key, "{\"name\":\"old\"}");
		this.jdbc.update(
				"update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?", key);

		assertThat(this.store.purgeExpired()).isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?",
				Integer.class, key))
			.isZero();
	}

	@Test
	void leavesOtherMethodsAndPathsAlone() {
		ResponseEntity<Map<String, Object>> response = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/elsewhere")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toEntity(JSON);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private int count(String name) {
		return this.jdbc.queryForObject("select count(*) from thing where name = ?", Integer.class, name);
	}

	private ResponseEntity<Map<String, Object>> post(String key, String body) {
		return LocalHttp.client(this.port).post().uri("/things").headers((headers) -> {
			if (key != null) {
				headers.set(IdempotencyFilter.HEADER, key);
			}
		}).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JSON);
	}

	@SpringBootApplication
	static class TestApplication {

		@RestController
		static class ThingController {

			private final JdbcTemplate jdbc;

			ThingController(JdbcTemplate jdbc) {
				this.jdbc = jdbc;
			}

			@PostMapping("/things")
			@Transactional
			ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, String> thing) throws Exception {
				String name = thing.get("name");
				Integer id = this.jdbc.queryForObject("insert into thing (name) values (?) returning id", Integer.class,
						name);
				if ("slow".equals(name)) {
					slowRequestStarted.countDown();
					slowRequestMayFinish.await(10, TimeUnit.SECONDS);
				}
				if ("explode".equals(name)) {
					throw new IllegalStateException("the downstream failed");
				}
				return ResponseEntity.created(java.net.URI.create("/things/" + id))
					.body(Map.of("id", id, "name", name));
			}

			@PostMapping("/elsewhere")
			Map<String, Object> elsewhere() {
				return Map.of("ok", true);
			}

		}

	}

}
