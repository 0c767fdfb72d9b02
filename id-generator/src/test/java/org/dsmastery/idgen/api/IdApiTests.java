package org.dsmastery.idgen.api;

import java.util.List;
import java.util.Map;

import org.dsmastery.devstack.Infra;
import org.dsmastery.snowflake.SnowflakeId;
import org.dsmastery.testsupport.LocalHttp;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@UsesInfrastructure(Infra.REDIS)
class IdApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Value("${local.server.port}")
	int port;

	private RestClient client() {
		return LocalHttp.client(this.port, TestIdentity.shared().admin());
	}

	@Test
	void issuesOneId() {
		ResponseEntity<Map<String, Object>> response = client().get().uri("/api/ids").retrieve().toEntity(JSON);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
		long id = Long.parseLong((String) response.getBody().get("id"));
		assertThat(SnowflakeId.decode(id).timestamp()).isBetween(java.time.Instant.now().minusSeconds(60),
				java.time.Instant.now().plusSeconds(1));
	}

	@Test
	void exportsIdsIssuedTheWorkerIdAndNoLostLeaseToPrometheus() {
		double issuedBefore = sample("idgen_ids_issued_total");

		client().get().uri("/api/ids?count=5").retrieve().toBodilessEntity();
		client().get().uri("/api/ids").retrieve().toBodilessEntity();

		assertThat(sample("idgen_ids_issued_total")).isEqualTo(issuedBefore + 6);
		assertThat(sample("idgen_worker_id")).isBetween(0.0, 1023.0);
		assertThat(sample("idgen_worker_lease_lost_total")).isZero();
	}

	private double sample(String name) {
		String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		List<String> samples = scrape.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.toList();
		assertThat(samples).as(name).hasSize(1);
		return Double.parseDouble(samples.get(0).substring(samples.get(0).lastIndexOf(' ') + 1));
	}

	@Test
	@SuppressWarnings("unchecked")
	void issuesABatchOfAscendingUniqueIds() {
		Map<String, Object> body = client().get().uri("/api/ids?count=10000").retrieve().body(JSON);

		List<Long> ids = ((List<String>) body.get("ids")).stream().map(Long::parseLong).toList();
		assertThat(ids).hasSize(10_000).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void rejectsCountsOutsideOneToTenThousandAsProblems() {
		for (String count : List.of("0", "-3", "10001", "abc", "")) {
			ResponseEntity<Map<String, Object>> response = client().get()
				.uri("/api/ids?count=" + count)
				.retrieve()
				.toEntity(JSON);

			assertThat(response.getStatusCode()).as("count=%s", count).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody()).containsEntry("type", IdProblems.INVALID_COUNT.toString())
				.containsEntry("status", 400)
				.containsKey("detail");
		}
	}

	@Test
	void echoesAtMostThirtyTwoCharactersOfABadCount() {
		ResponseEntity<Map<String, Object>> response = client().get()
			.uri("/api/ids?count=" + "9".repeat(2000))
			.retrieve()
			.toEntity(JSON);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("type", IdProblems.INVALID_COUNT.toString())
			.containsEntry("detail", "'" + "9".repeat(32) + "...' is not a valid count: expected a whole number");
	}

	@Test
	void answersTheFrameworksAndTomcatsErrorsWithProblems() {
		ResponseEntity<Map<String, Object>> wrongMethod = client().post().uri("/api/ids").retrieve().toEntity(JSON);
		ResponseEntity<Map<String, Object>> unrouted = client().get()
			.uri("/api/nothing-here")
			.retrieve()
			.toEntity(JSON);
		ResponseEntity<Map<String, Object>> xml = client().get()
			.uri("/api/ids")
			.accept(MediaType.APPLICATION_XML)
			.retrieve()
			.toEntity(JSON);
		ResponseEntity<Map<String, Object>> bigHeader = client().get()
			.uri("/api/ids")
			.header("X-Big", "x".repeat(9 * 1024))
			.retrieve()
			.toEntity(JSON);

		assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(wrongMethod.getHeaders().getAllow()).contains(org.springframework.http.HttpMethod.GET);
		assertThat(wrongMethod.getBody()).containsEntry("type", "https://dsmastery.org/problems/method-not-allowed");
		assertThat(unrouted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unrouted.getBody()).containsEntry("type", "https://dsmastery.org/problems/not-found");
		assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		assertThat(xml.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(xml.getBody()).containsEntry("type", "https://dsmastery.org/problems/not-acceptable");
		assertThat(bigHeader.getStatusCode().value()).isEqualTo(431);
		assertThat(bigHeader.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(bigHeader.getBody()).containsEntry("type", "https://dsmastery.org/problems/header-too-large");
	}

	@Test
	void decodesAnId() {
		String id = (String) client().get().uri("/api/ids").retrieve().body(JSON).get("id");

		Map<String, Object> decoded = client().get().uri("/api/ids/{id}", id).retrieve().body(JSON);

		SnowflakeId expected = SnowflakeId.decode(Long.parseLong(id));
		assertThat(decoded).containsEntry("id", id)
			.containsEntry("workerId", expected.workerId())
			.containsEntry("sequence", expected.sequence())
			.containsEntry("timestamp", expected.timestamp().toString());
	}

	@Test
	void rejectsMalformedIdsAsProblems() {
		for (String id : List.of("abc", "-1", "99999999999999999999")) {
			ResponseEntity<Map<String, Object>> response = client().get()
				.uri("/api/ids/" + id)
				.retrieve()
				.toEntity(JSON);

			assertThat(response.getStatusCode()).as(id).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).containsEntry("type", IdProblems.MALFORMED_ID.toString());
		}
	}

	@Test
	void reportsTheWorkerLeaseInHealth() {
		Map<String, Object> health = client().get().uri("/actuator/health").retrieve().body(JSON);

		assertThat(health).containsEntry("status", "UP");
		assertThat(health.get("components").toString()).contains("workerIdLease");
	}

}
