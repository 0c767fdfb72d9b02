package org.dsmastery.loadbalancing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;

/**
 * Applies {@link LoadBalancingClientConfiguration} to every load-balanced service of an
 * application that has this library: the gateway's {@code lb://} routes, its
 * {@code @LoadBalanced WebClient}s and any {@code @LoadBalanced RestClient}. Off with
 * {@code shop.loadbalancer.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "shop.loadbalancer.enabled", matchIfMissing = true)
@LoadBalancerClients(defaultConfiguration = LoadBalancingClientConfiguration.class)
public class LoadBalancingAutoConfiguration {

}
