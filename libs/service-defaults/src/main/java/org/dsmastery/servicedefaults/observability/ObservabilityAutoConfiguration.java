package org.dsmastery.servicedefaults.observability;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * What every service observes: traces start at the platform's entry points
 * ({@link TracesStartAtEntryPoints}). The rest (exporters, sampling, tags, Kafka and JDBC
 * observations) is configuration, in {@code service-defaults.properties}.
 */
@AutoConfiguration
@ConditionalOnClass({ ObservationPredicate.class, Tracer.class })
public class ObservabilityAutoConfiguration {

	@Bean
	ObservationPredicate tracesStartAtEntryPoints(ObjectProvider<Tracer> tracer) {
		return new TracesStartAtEntryPoints(tracer::getIfAvailable);
	}

}
