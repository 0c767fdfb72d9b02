package org.dsmastery.observability;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromQlTests {

	@Test
	void findsSelectorsWithTheirMatcherLabels() {
		PromQl.Names names = PromQl.names("""
				(sum by (service, version) (rate(http_server_requests_seconds_count{service=~"a,b",status=~"5.."}[1m]))
				 or sum by (service) (rate(http_server_requests_seconds_count[1m])) * 0)
				/ on (service) group_left (version) up""");
		assertThat(names.selectors()).containsExactly(
				new PromQl.Selector("http_server_requests_seconds_count", Set.of("service", "status")),
				new PromQl.Selector("http_server_requests_seconds_count", Set.of()),
				new PromQl.Selector("up", Set.of()));
		assertThat(names.groupingLabels()).containsExactlyInAnyOrder("service", "version");
	}

	@Test
	void functionsKeywordsNumbersAndDurationsAreNoSeries() {
		PromQl.Names names = PromQl.names(
				"histogram_quantile(0.99, sum without (instance) (rate(x_bucket[5m] offset 1h))) > bool 1e-3 and vector(0)");
		assertThat(names.metrics()).containsExactly("x_bucket");
		assertThat(names.groupingLabels()).containsExactly("instance");
	}

	@Test
	void stringsMayHoldBracesAndQuotes() {
		PromQl.Names names = PromQl
			.names("label_replace(x{uri=\"/a/{id}\", b='c\"}'}, \"d\", \"$1\", \"e\", \"(.*)\")");
		assertThat(names.selectors()).containsExactly(new PromQl.Selector("x", Set.of("uri", "b")));
	}

	@Test
	void anUnclosedSelectorIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.names("rate(x{a=\"b\"[5m])"));
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.names("{a=\"b\"}"));
	}

}
