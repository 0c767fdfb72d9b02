package org.dsmastery.loadbalancing;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.PropertyResolver;

/**
 * One service's load-balancing settings, under {@code shop.loadbalancer.<service>}, each
 * falling back to {@code shop.loadbalancer.default.*}:
 * <ul>
 * <li>{@code strategy}: {@code round-robin} (default), {@code least-connections},
 * {@code weighted} or {@code consistent-hash};</li>
 * <li>{@code hash-header}: the header whose value is the consistent-hash key
 * ({@code X-Customer-Id});</li>
 * <li>{@code health-check}: whether only instances whose health endpoint answers 200 are
 * balanced over ({@code true});</li>
 * <li>{@code in-flight-expiry}: how long a request whose end is never reported counts as
 * in flight ({@code 30s}).</li>
 * </ul>
 *
 * @param strategy how instances are picked
 * @param hashHeader the consistent-hash key header
 * @param healthCheck whether instance lists are health checked
 * @param inFlightExpiry the longest an unreported request counts
 */
public record LoadBalancingSettings(Strategy strategy, String hashHeader, boolean healthCheck,
		Duration inFlightExpiry) {

	static final String PREFIX = "shop.loadbalancer.";

	/**
	 * Reads a service's settings.
	 * @param properties the environment
	 * @param service the service id
	 * @return the settings
	 */
	public static LoadBalancingSettings of(PropertyResolver properties, String service) {
		return new LoadBalancingSettings(Strategy.of(property(properties, service, "strategy", "round-robin")),
				property(properties, service, "hash-header", "X-Customer-Id"),
				Boolean.parseBoolean(property(properties, service, "health-check", "true")),
				DurationStyle.detectAndParse(property(properties, service, "in-flight-expiry", "30s")));
	}

	private static String property(PropertyResolver properties, String service, String name, String fallback) {
		String value = properties.getProperty(PREFIX + service + "." + name);
		return (value != null) ? value : properties.getProperty(PREFIX + "default." + name, fallback);
	}

}
