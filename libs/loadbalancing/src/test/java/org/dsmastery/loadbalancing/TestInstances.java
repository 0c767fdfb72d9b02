package org.dsmastery.loadbalancing;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Instance lists and requests for the strategies' tests.
 */
final class TestInstances {

	static final String SERVICE = "order-service";

	private TestInstances() {
	}

	static ServiceInstance instance(int port) {
		return instance(port, Map.of());
	}

	static ServiceInstance instance(int port, Map<String, String> metadata) {
		return new DefaultServiceInstance(SERVICE + ":" + port, SERVICE, "127.0.0.1", port, false,
				new HashMap<>(metadata));
	}

	/**
	 * A supplier that publishes whatever list the test holds at the time of the call.
	 */
	static ObjectProvider<ServiceInstanceListSupplier> supplier(Supplier<List<ServiceInstance>> instances) {
		ServiceInstanceListSupplier supplier = new ServiceInstanceListSupplier() {

			@Override
			public String getServiceId() {
				return SERVICE;
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.defer(() -> Flux.just(instances.get()));
			}

		};
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("instances", supplier);
		return beans.getBeanProvider(ServiceInstanceListSupplier.class);
	}

	static Request<RequestDataContext> request(String header, String value) {
		HttpHeaders headers = new HttpHeaders();
		if (value != null) {
			headers.add(header, value);
		}
		return new DefaultRequest<>(
				new RequestDataContext(new RequestData(HttpMethod.GET, URI.create("http://" + SERVICE + "/api/orders"),
						headers, new LinkedMultiValueMap<>(), new HashMap<>())));
	}

	static ServiceInstance choose(StrategyLoadBalancer balancer, Request<?> request) {
		return balancer.choose(request).block().getServer();
	}

}
