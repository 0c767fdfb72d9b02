package org.dsmastery.consistenthash;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A consistent-hash ring: keys map to nodes so that adding or removing a node moves only
 * the keys that must move, about {@code 1 / (nodes + 1)} of them, and nothing else.
 * <p>
 * Each node stands on the ring at many points (virtual nodes) so that load spreads
 * evenly; a node's share is proportional to its weight. Rings are immutable:
 * {@link #with} and {@link #without} return new rings, so a router can swap rings
 * atomically while requests keep routing on the old one.
 *
 * <pre class="code">
 * ConsistentHashRing&lt;String&gt; ring = ConsistentHashRing.&lt;String&gt;empty(160)
 *     .with("order-service:8081", 1.0)
 *     .with("order-service:8181", 2.0);
 * String node = ring.route("customer-42").orElseThrow();
 * </pre>
 *
 * @param <N> the node type; its {@code toString()} names its points on the ring
 */
public final class ConsistentHashRing<N> {

	private final int virtualNodesPerWeight;

	private final Map<N, Double> weights;

	private final long[] points;

	private final Object[] owners;

	private ConsistentHashRing(int virtualNodesPerWeight, Map<N, Double> weights) {
		this.virtualNodesPerWeight = virtualNodesPerWeight;
		this.weights = Collections.unmodifiableMap(weights);
		int total = weights.values().stream().mapToInt(this::virtualNodes).sum();
		long[] positions = new long[total];
		Object[] nodes = new Object[total];
		Long2Node[] entries = new Long2Node[total];
		int i = 0;
		for (Map.Entry<N, Double> entry : weights.entrySet()) {
			String name = entry.getKey().toString();
			for (int v = 0; v < virtualNodes(entry.getValue()); v++) {
				entries[i++] = new Long2Node(hash(name + "#" + v), entry.getKey());
			}
		}
		// ties (astronomically rare) are broken by name, so every ring with the same
		// nodes agrees
		Arrays.sort(entries, (a, b) -> (a.point != b.point) ? Long.compare(a.point, b.point)
				: a.node.toString().compareTo(b.node.toString()));
		for (int j = 0; j < total; j++) {
			positions[j] = entries[j].point;
			nodes[j] = entries[j].node;
		}
		this.points = positions;
		this.owners = nodes;
	}

	/**
	 * Returns an empty ring.
	 * @param <N> the node type
	 * @param virtualNodesPerWeight points on the ring per unit of weight (100 to 200
	 * spreads load within a few percent)
	 * @return the ring
	 */
	public static <N> ConsistentHashRing<N> empty(int virtualNodesPerWeight) {
		if (virtualNodesPerWeight < 1) {
			throw new IllegalArgumentException("at least one virtual node per weight");
		}
		return new ConsistentHashRing<>(virtualNodesPerWeight, new LinkedHashMap<>());
	}

	/**
	 * Returns a ring with a node added, or its weight changed.
	 * @param node the node
	 * @param weight its weight, relative to the others ({@code 1.0} is a normal node)
	 * @return the new ring
	 */
	public ConsistentHashRing<N> with(N node, double weight) {
		Objects.requireNonNull(node, "node");
		if (!(weight > 0) || Double.isInfinite(weight)) {
			throw new IllegalArgumentException("a weight is a positive number, was " + weight);
		}
		Map<N, Double> next = new LinkedHashMap<>(this.weights);
		next.put(node, weight);
		return new ConsistentHashRing<>(this.virtualNodesPerWeight, next);
	}

	/**
	 * Returns a ring without a node.
	 * @param node the node
	 * @return the new ring
	 */
	public ConsistentHashRing<N> without(N node) {
		Map<N, Double> next = new LinkedHashMap<>(this.weights);
		next.remove(node);
		return new ConsistentHashRing<>(this.virtualNodesPerWeight, next);
	}

	/**
	 * Returns the node a key belongs to: the owner of the first point at or after the
	 * key's hash, going round.
	 * @param key the key
	 * @return the node, or empty if the ring has none
	 */
	@SuppressWarnings("unchecked")
	public Optional<N> route(String key) {
		if (this.points.length == 0) {
			return Optional.empty();
		}
		int index = Arrays.binarySearch(this.points, hash(key));
		if (index < 0) {
			index = -index - 1;
		}
		return Optional.of((N) this.owners[(index == this.points.length) ? 0 : index]);
	}

	/**
	 * Returns the nodes and their weights.
	 * @return node to weight
	 */
	public Map<N, Double> nodes() {
		return this.weights;
	}

	private int virtualNodes(double weight) {
		return Math.max(1, (int) Math.round(weight * this.virtualNodesPerWeight));
	}

	/**
	 * 64-bit FNV-1a of the UTF-8 bytes, finished with the SplitMix64 mixer so that
	 * similar strings ("node#1", "node#2") land far apart.
	 */
	static long hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
		hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
		return hash ^ (hash >>> 31);
	}

	private record Long2Node(long point, Object node) {
	}

}
