package org.dsmastery.gateway.tracing;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.stereotype.Component;

/**
 * Names the observation of each routed call (the gateway's client span to the service)
 * {@value #NAME} instead of Gateway's default {@code http.client.requests}. Under the
 * default, every routed call was also a {@code http_client_requests_seconds} series with
 * other labels ({@code spring_cloud_gateway_route_id}, {@code http_method}, no
 * {@code client_name}) than the platform's HTTP client metric, so a dashboard summing
 * that metric by {@code client_name} got one unnamed series for all routes. Per-route RED
 * is {@code spring_cloud_gateway_requests_seconds}; the routed calls stay measured as
 * {@code spring_cloud_gateway_http_client_requests_seconds}. The span is unchanged.
 */
@Component
class RoutedCallObservationConvention extends DefaultGatewayObservationConvention {

	static final String NAME = "spring.cloud.gateway.http.client.requests";

	@Override
	public String getName() {
		return NAME;
	}

}
