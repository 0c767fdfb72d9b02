package org.dsmastery.idgen.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.dsmastery.devstack.Infra;
import org.dsmastery.idgen.worker.NoWorkerIdException;
import org.dsmastery.idgen.worker.WorkerIdLease;
import org.dsmastery.snowflake.SnowflakeGenerator;
import org.dsmastery.testsupport.TestIdentity;
import org.dsmastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The failure modes that a live Redis cannot produce on demand: a clock stepping
 * backwards and a lease that could not be renewed. Through the service's whole filter
 * chain, its security included: each request carries the operator's token.
 */
@SpringBootTest(properties = "eureka.client.enabled=false")
@AutoConfigureMockMvc
@UsesInfrastructure(Infra.REDIS)
class IdProblemsTests {

	private static final long NOW = 1_800_000_000_000L;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	WorkerIdLease lease;

	@Test
	void refusesWith503WhenTheClockJumpedBackFar() throws Exception {
		AtomicLong clock = new AtomicLong(NOW);
		SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(20), clock::get, 0);
		given(this.lease.generator()).willReturn(generator);
		this.mvc.perform(get("/api/ids").header("Authorization", "Bearer " + TestIdentity.shared().admin()))
			.andExpect(status().isOk());
		clock.set(NOW - 5_000);

		this.mvc.perform(get("/api/ids?count=3").header("Authorization", "Bearer " + TestIdentity.shared().admin()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value(IdProblems.CLOCK_MOVED_BACKWARDS.toString()));
	}

	@Test
	void waitsOutASmallBackwardStep() throws Exception {
		AtomicLong clock = new AtomicLong(NOW);
		SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(20), () -> {
			long now = clock.get();
			clock.compareAndSet(NOW - 5, NOW + 1);
			return now;
		}, 0);
		given(this.lease.generator()).willReturn(generator);
		this.mvc.perform(get("/api/ids").header("Authorization", "Bearer " + TestIdentity.shared().admin()))
			.andExpect(status().isOk());
		clock.set(NOW - 5);

		this.mvc.perform(get("/api/ids").header("Authorization", "Bearer " + TestIdentity.shared().admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").isString());
	}

	@Test
	void refusesWith503WithoutAWorkerId() throws Exception {
		given(this.lease.generator()).willThrow(new NoWorkerIdException("lost"));

		this.mvc.perform(get("/api/ids").header("Authorization", "Bearer " + TestIdentity.shared().admin()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(jsonPath("$.type").value(IdProblems.NO_WORKER_ID.toString()));
	}

}
