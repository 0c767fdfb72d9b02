package org.dsmastery.loadbalancing;

import org.springframework.cloud.client.ServiceInstance;

/**
 * What the strategies need to know about an instance.
 */
final class Instances {

	static final String WEIGHT = "weight";

	private Instances() {
	}

	/**
	 * Returns the instance's identity: its address, stable across re-registrations.
	 */
	static String key(ServiceInstance instance) {
		return instance.getHost() + ":" + instance.getPort();
	}

	/**
	 * Returns the instance's {@code weight} metadata; 1 when missing or not a positive
	 * number.
	 */
	static double weight(ServiceInstance instance) {
		String value = (instance.getMetadata() != null) ? instance.getMetadata().get(WEIGHT) : null;
		if (value == null) {
			return 1;
		}
		try {
			double weight = Double.parseDouble(value.strip());
			return (weight > 0 && Double.isFinite(weight)) ? weight : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
