package org.dsmastery.observability;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SubstitutionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> variables = List.of(JSON.readTree("""
			{"name": "service", "type": "query", "current": {"text": ["All"], "value": ["$__all"]}}"""),
			JSON.readTree("""
					{"name": "service_group", "type": "query", "current": {"text": "shop", "value": "shop"}}"""),
			JSON.readTree("""
					{"name": "quantile", "type": "custom", "query": "0.99,0.95,0.5", "current": {}}"""),
			JSON.readTree("""
					{"name": "window", "type": "interval", "current": {"value": "$__all"},
					 "options": [{"value": "$__all"}, {"value": "10m"}]}"""));

	private final Substitution substitution = new Substitution(this.variables, "1m", "5m");

	@Test
	void aVariableInARegexMatcherMatchesEverything() {
		assertThat(this.substitution.apply("sum(rate(x_total{service=~\"$service\"}[$__rate_interval]))"))
			.isEqualTo("sum(rate(x_total{service=~\".*\"}[1m]))");
	}

	@Test
	void anEqualityMatcherWithAVariableBecomesARegexMatcher() {
		assertThat(this.substitution.apply("x{service=\"$service\", job!=\"${service}\", a=\"b\"}"))
			.isEqualTo("x{service=~\".*\", job!~\".*\", a=\"b\"}");
	}

	@Test
	void everyReferenceSyntaxIsReplaced() {
		assertThat(this.substitution
			.apply("x{a=~\"$service\",b=~\"${service}\",c=~\"${service:regex}\",d=~\"[[service]]\"}"))
			.isEqualTo("x{a=~\".*\",b=~\".*\",c=~\".*\",d=~\".*\"}");
	}

	@Test
	void aLongerNameIsNotReadAsAShorterOne() {
		assertThat(this.substitution.apply("x{g=~\"$service_group\"} * on() group_left() vector($service_group)"))
			.isEqualTo("x{g=~\".*\"} * on() group_left() vector(shop)");
	}

	@Test
	void outsideAMatcherAVariableTakesItsCurrentOrFirstValue() {
		assertThat(this.substitution.apply("histogram_quantile($quantile, sum by (le) (rate(x_bucket[$window])))"))
			.isEqualTo("histogram_quantile(0.99, sum by (le) (rate(x_bucket[10m])))");
	}

	@Test
	void grafanaIntervalsBecomeFixedDurations() {
		assertThat(this.substitution
			.apply("increase(x_total[$__range]) / rate(x_total[${__interval}]) + rate(y_total[$__rate_interval])"))
			.isEqualTo("increase(x_total[5m]) / rate(x_total[1m]) + rate(y_total[1m])");
	}

	@Test
	void aQueryWithoutVariablesIsUnchanged() {
		String expr = "sum by (le) (rate(orders_decision_seconds_bucket{le=~\"1|1.0\",style!=\"x\"}[5m]))";
		assertThat(this.substitution.apply(expr)).isEqualTo(expr);
	}

	@Test
	void theRepositoryDashboardsComeOutWithoutVariables() {
		assertThat(Dashboards.load().queries()).isNotEmpty()
			.allSatisfy((query) -> assertThat(query.expr()).doesNotContain("$", "[["));
	}

}
