package org.dsmastery.order;

import org.dsmastery.testsupport.RecordedObservations;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP server Observations, whose spans carry {@code order.id}.
 */
@TestConfiguration(proxyBeanMethods = false)
class RecordObservations {

	@Bean
	RecordedObservations recordedObservations() {
		return new RecordedObservations("http.server.requests");
	}

}
