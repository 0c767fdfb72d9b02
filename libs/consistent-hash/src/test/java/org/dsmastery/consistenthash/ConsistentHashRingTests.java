package org.dsmastery.consistenthash;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsistentHashRingTests {

	private static final int KEYS = 100_000;

	private static ConsistentHashRing<String> ring(int nodes) {
		ConsistentHashRing<String> ring = ConsistentHashRing.empty(160);
		for (int i = 0; i < nodes; i++) {
			ring = ring.with("node-" + i, 1.0);
		}
		return ring;
	}

	private static Map<String, String> assignments(ConsistentHashRing<String> ring) {
		Map<String, String> assigned = new HashMap<>();
		IntStream.range(0, KEYS).forEach((i) -> assigned.put("key-" + i, ring.route("key-" + i).orElseThrow()));
		return assigned;
	}

	private static Map<String, Integer> load(Map<String, String> assignments) {
		Map<String, Integer> load = new HashMap<>();
		assignments.values().forEach((node) -> load.merge(node, 1, Integer::sum));
		return load;
	}

	@Test
	void spreadsKeysOverEqualNodesMoreEvenlyWithMoreVirtualNodes() {
		// the spread of a node's share shrinks like 1 / sqrt(virtual nodes)
		Map<String, Integer> few = load(assignments(ring(10)));
		ConsistentHashRing<String> many = ConsistentHashRing.empty(1000);
		for (int i = 0; i < 10; i++) {
			many = many.with("node-" + i, 1.0);
		}
		Map<String, Integer> spread = load(assignments(many));

		assertThat(few.values()).allSatisfy((keys) -> assertThat(keys).isBetween(7_500, 12_500));
		assertThat(spread.values()).allSatisfy((keys) -> assertThat(keys).isBetween(9_000, 11_000));
	}

	@Test
	void givesANodeAShareProportionalToItsWeight() {
		ConsistentHashRing<String> ring = ring(4).with("heavy", 2.0);

		Map<String, Integer> load = load(assignments(ring));

		double heavyShare = load.get("heavy") / (double) KEYS;
		assertThat(heavyShare).isBetween(2.0 / 6 * 0.85, 2.0 / 6 * 1.15);
	}

	@Test
	void addingANodeMovesOnlyItsShareAndOnlyToIt() {
		Map<String, String> before = assignments(ring(10));
		Map<String, String> after = assignments(ring(10).with("node-new", 1.0));

		long moved = before.keySet().stream().filter((key) -> !before.get(key).equals(after.get(key))).count();

		assertThat(moved / (double) KEYS).as("moved fraction").isBetween(1.0 / 11 * 0.8, 1.0 / 11 * 1.2);
		assertThat(before.keySet()
			.stream()
			.filter((key) -> !before.get(key).equals(after.get(key)))
			.map(after::get)
			.distinct()).containsExactly("node-new");
	}

	@Test
	void removingANodeMovesOnlyTheKeysItHeld() {
		Map<String, String> before = assignments(ring(10));
		Map<String, String> after = assignments(ring(10).without("node-3"));

		assertThat(before.keySet().stream().filter((key) -> !before.get(key).equals(after.get(key))))
			.allSatisfy((key) -> assertThat(before.get(key)).isEqualTo("node-3"));
		assertThat(after.values()).doesNotContain("node-3");
	}

	@Test
	void routesTheSameWayWhateverOrderNodesJoined() {
		ConsistentHashRing<String> forward = ConsistentHashRing.<String>empty(100)
			.with("a", 1)
			.with("b", 1)
			.with("c", 1);
		ConsistentHashRing<String> backward = ConsistentHashRing.<String>empty(100)
			.with("c", 1)
			.with("b", 1)
			.with("a", 1);

		assertThat(assignments(forward)).isEqualTo(assignments(backward));
	}

	@Test
	void anEmptyRingRoutesNowhereAndWeightsMustBePositive() {
		assertThat(ConsistentHashRing.<String>empty(10).route("k")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> ConsistentHashRing.<String>empty(10).with("a", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> ConsistentHashRing.<String>empty(0));
	}

}
