package org.dsmastery.payment;

import org.dsmastery.testsupport.RecordedObservations;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The provider attempts and the HTTP client calls inside them.
 */
@TestConfiguration(proxyBeanMethods = false)
class RecordObservations {

	@Bean
	RecordedObservations recordedObservations() {
		return new RecordedObservations("payment.provider.call", "http.client.requests");
	}

}
