package org.dsmastery.idgen.worker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports DOWN while this instance holds no trusted worker id, so discovery and the
 * platform's readiness checks route no traffic to an instance that can only answer 503.
 */
@Component
class WorkerIdLeaseHealthIndicator implements HealthIndicator {

	private final WorkerIdLease lease;

	WorkerIdLeaseHealthIndicator(WorkerIdLease lease) {
		this.lease = lease;
	}

	@Override
	public Health health() {
		if (!this.lease.isValid()) {
			return Health.down().withDetail("reason", "no trusted worker-id lease").build();
		}
		return Health.up().withDetail("workerId", this.lease.workerId().orElseThrow()).build();
	}

}
