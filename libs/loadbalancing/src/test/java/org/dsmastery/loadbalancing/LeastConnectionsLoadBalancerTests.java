package org.dsmastery.loadbalancing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsmastery.loadbalancing.TestInstances.choose;
import static org.dsmastery.loadbalancing.TestInstances.instance;
import static org.dsmastery.loadbalancing.TestInstances.request;
import static org.dsmastery.loadbalancing.TestInstances.supplier;

class LeastConnectionsLoadBalancerTests {

	final ServiceInstance busy = instance(8081);

	final ServiceInstance idle = instance(8181);

	final AtomicLong now = new AtomicLong();

	final InFlightRequests inFlight = new InFlightRequests(Duration.ofSeconds(30), this.now::get);

	final InFlightRequestsLifecycle lifecycle = new InFlightRequestsLifecycle(this.inFlight);

	final LeastConnectionsLoadBalancer balancer = new LeastConnectionsLoadBalancer(
			supplier(() -> List.of(this.busy, this.idle)), TestInstances.SERVICE, this.inFlight);

	@Test
	void prefersTheIdleInstance() {
		for (int i = 0; i < 3; i++) {
			start(request("X-Customer-Id", null), this.busy);
		}

		for (int i = 0; i < 100; i++) {
			assertThat(choose(this.balancer, request("X-Customer-Id", null))).isEqualTo(this.idle);
		}
	}

	@Test
	void sendsEachNewRequestWhereTheFewestAreInFlight() {
		// requests that never finish: each pick must even the counts out
		for (int i = 0; i < 100; i++) {
			Request<RequestDataContext> request = request("X-Customer-Id", null);
			start(request, choose(this.balancer, request));
		}

		assertThat(this.inFlight.count(this.busy)).isEqualTo(50);
		assertThat(this.inFlight.count(this.idle)).isEqualTo(50);
	}

	@Test
	void breaksTiesAtRandom() {
		Map<ServiceInstance, Integer> picks = new HashMap<>();
		for (int i = 0; i < 2000; i++) {
			picks.merge(choose(this.balancer, request("X-Customer-Id", null)), 1, Integer::sum);
		}

		assertThat(picks.get(this.busy)).isBetween(850, 1150);
		assertThat(picks.get(this.idle)).isBetween(850, 1150);
	}

	@Test
	void countsDownWhenRequestsComplete() {
		List<Request<RequestDataContext>> requests = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			requests.add(request("X-Customer-Id", null));
			start(requests.get(i), this.busy);
		}

		requests
			.forEach((request) -> this.lifecycle.onComplete(new CompletionContext<>(CompletionContext.Status.SUCCESS,
					cast(request), new DefaultResponse(this.busy), null)));
		// a second report of the same completion changes nothing
		this.lifecycle.onComplete(new CompletionContext<>(CompletionContext.Status.FAILED, cast(requests.get(0)),
				new DefaultResponse(this.busy), null));

		assertThat(this.inFlight.count(this.busy)).isZero();
	}

	@Test
	void forgetsRequestsWhoseEndIsNeverReported() {
		start(request("X-Customer-Id", null), this.busy);
		assertThat(this.inFlight.count(this.busy)).isOne();

		this.now.addAndGet(Duration.ofSeconds(31).toNanos());

		assertThat(this.inFlight.count(this.busy)).isZero();
	}

	private void start(Request<RequestDataContext> request, ServiceInstance instance) {
		this.lifecycle.onStartRequest(cast(request), new DefaultResponse(instance));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Request<Object> cast(Request<RequestDataContext> request) {
		return (Request) request;
	}

}
