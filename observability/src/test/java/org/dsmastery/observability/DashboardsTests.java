package org.dsmastery.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards under {@code grafana/dashboards}: valid Grafana models whose every query
 * reads only the catalogue's metrics and labels, through the provisioned Prometheus
 * datasource.
 */
class DashboardsTests {

	private static final Path GRAFANA = Path.of("grafana").toAbsolutePath();

	private static final Map<String, String> PROMETHEUS = Map.of("type", "prometheus", "uid", "prometheus");

	private static final Pattern LABEL_VALUES = Pattern
		.compile("label_values\\(\\s*(.+?)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

	private final Dashboards dashboards = Dashboards.load(GRAFANA.resolve("dashboards"));

	@Test
	void theFiveDashboardsLoadWithUniqueUidsAndTitles() {
		assertThat(this.dashboards.dashboards()).extracting(Dashboard::uid)
			.containsExactlyInAnyOrder("dsmastery-edge", "dsmastery-jvm", "dsmastery-messaging", "dsmastery-overview",
					"dsmastery-saga")
			.doesNotHaveDuplicates();
		assertThat(this.dashboards.dashboards()).extracting(Dashboard::title)
			.doesNotHaveDuplicates()
			.allSatisfy((title) -> assertThat(title).isNotBlank());
		for (Dashboard dashboard : this.dashboards.dashboards()) {
			assertThat(dashboard.json().path("schemaVersion").asInt()).as(dashboard.uid()).isGreaterThanOrEqualTo(39);
			assertThat(dashboard.json().path("panels").isArray()).as(dashboard.uid()).isTrue();
		}
	}

	@Test
	void everyPanelQueriesThePrometheusDatasourceWithAnExpression() {
		for (Dashboard dashboard : this.dashboards.dashboards()) {
			Set<Integer> ids = new HashSet<>();
			for (JsonNode row : dashboard.json().path("panels").values()) {
				assertThat(ids.add(row.path("id").asInt())).as("unique panel id in %s", dashboard.uid()).isTrue();
				for (JsonNode inner : row.path("panels").values()) {
					assertThat(ids.add(inner.path("id").asInt())).as("unique panel id in %s", dashboard.uid()).isTrue();
				}
			}
			assertThat(dashboard.panels()).as(dashboard.uid()).isNotEmpty();
			for (JsonNode panel : dashboard.panels()) {
				String where = dashboard.uid() + " / " + panel.path("title").asString("");
				assertThat(panel.path("title").asString("")).as("title in %s", dashboard.uid()).isNotBlank();
				assertThat(datasource(panel.path("datasource"))).as(where).isEqualTo(PROMETHEUS);
				assertThat(panel.path("gridPos").path("w").asInt()).as(where).isBetween(1, 24);
				assertThat(panel.path("targets").size()).as("targets of " + where).isPositive();
				for (JsonNode target : panel.path("targets").values()) {
					assertThat(datasource(target.path("datasource"))).as(where).isEqualTo(PROMETHEUS);
					assertThat(target.path("expr").asString("")).as(where).isNotBlank();
					assertThat(target.path("refId").asString("")).as(where).isNotBlank();
				}
			}
		}
	}

	@Test
	void everyQueryReadsOnlyCatalogueMetricsAndLabels() {
		List<PanelQuery> queries = this.dashboards.queries();
		assertThat(queries).hasSizeGreaterThan(40);
		for (PanelQuery query : queries) {
			assertThat(query.expr()).as(query.toString()).doesNotContain("$", "[[");
			PromQl.Names names = PromQl.names(query.expr());
			assertThat(names.selectors()).as(query.toString()).isNotEmpty();
			Set<String> available = new LinkedHashSet<>();
			for (PromQl.Selector selector : names.selectors()) {
				assertThat(MetricCatalogue.labels(selector.metric()))
					.as("catalogue entry of %s in %s", selector.metric(), query)
					.hasValueSatisfying(
							(labels) -> assertThat(labels).as("labels of %s in %s", selector.metric(), query)
								.containsAll(selector.labels()));
				available.addAll(MetricCatalogue.labels(selector.metric()).orElseThrow());
			}
			assertThat(available).as("labels grouped by in %s", query).containsAll(names.groupingLabels());
		}
	}

	@Test
	void everyQueryParsesInPromtool(@TempDir Path dir) throws IOException {
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
		int i = 0;
		for (PanelQuery query : this.dashboards.queries()) {
			rules.append("      - record: dashboard:query_").append(i++).append('\n');
			rules.append("        expr: '").append(query.expr().replace("'", "''")).append("'\n");
		}
		Path file = Files.writeString(dir.resolve("dashboard-queries.yml"), rules);
		Promtool.assertSucceeds(dir, "check", "rules", file.toString());
	}

	@Test
	void everyTemplateVariableAsksLabelValuesOfACatalogueMetric() {
		for (Dashboard dashboard : this.dashboards.dashboards()) {
			for (JsonNode variable : dashboard.variables()) {
				String where = dashboard.uid() + " $" + variable.path("name").asString("");
				assertThat(variable.path("name").asString("")).as(where).matches("[a-zA-Z_][a-zA-Z0-9_]*");
				assertThat(variable.path("type").asString("")).as(where).isEqualTo("query");
				assertThat(datasource(variable.path("datasource"))).as(where).isEqualTo(PROMETHEUS);
				String query = variable.path("query").path("query").asString("");
				assertThat(variable.path("definition").asString("")).as(where).isEqualTo(query);
				Matcher matcher = LABEL_VALUES.matcher(query);
				assertThat(matcher.matches()).as("%s: label_values(<selector>, <label>), got %s", where, query)
					.isTrue();
				String selector = new Substitution(dashboard.variables(), "1m", "5m").apply(matcher.group(1));
				List<PromQl.Selector> selectors = PromQl.names(selector).selectors();
				assertThat(selectors).as(where).hasSize(1);
				assertThat(MetricCatalogue.labels(selectors.get(0).metric())).as(where)
					.hasValueSatisfying((labels) -> assertThat(labels).contains(matcher.group(2))
						.containsAll(selectors.get(0).labels()));
			}
		}
	}

	@Test
	void everyVariableADashboardReferencesIsDefined() {
		Pattern reference = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
		for (Dashboard dashboard : this.dashboards.dashboards()) {
			Set<String> defined = new HashSet<>();
			dashboard.variables().forEach((variable) -> defined.add(variable.path("name").asString("")));
			StringBuilder text = new StringBuilder();
			dashboard.queries().forEach((query) -> text.append(query.expr()).append('\n'));
			for (JsonNode panel : dashboard.panels()) {
				text.append(panel.path("title").asString("")).append('\n');
				if (panel.has("repeat")) {
					assertThat(defined).as("repeat of %s", dashboard.uid()).contains(panel.path("repeat").asString(""));
				}
			}
			Matcher matcher = reference.matcher(text);
			while (matcher.find()) {
				if (!matcher.group(1).startsWith("__")) {
					assertThat(defined).as("variables of %s", dashboard.uid()).contains(matcher.group(1));
				}
			}
		}
	}

	@Test
	void provisioningNamesThePrometheusAndJaegerDatasourcesAndTheDashboardsFolder() throws IOException {
		Map<String, Object> datasources = new Yaml()
			.load(Files.readString(GRAFANA.resolve("provisioning/datasources/datasources.yml")));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> list = (List<Map<String, Object>>) datasources.get("datasources");
		assertThat(list).extracting((ds) -> ds.get("uid"), (ds) -> ds.get("type"), (ds) -> ds.get("url"))
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("prometheus", "prometheus", "http://prometheus:9090"),
					org.assertj.core.groups.Tuple.tuple("jaeger", "jaeger", "http://jaeger:16686"));
		Map<String, Object> prometheus = list.stream()
			.filter((ds) -> "prometheus".equals(ds.get("uid")))
			.findFirst()
			.orElseThrow();
		assertThat(prometheus.toString()).contains("exemplarTraceIdDestinations", "datasourceUid=jaeger",
				"name=trace_id");
		String dashboards = Files.readString(GRAFANA.resolve("provisioning/dashboards/dashboards.yml"));
		assertThat(dashboards).contains("type: file", "folder: dsmastery", "path: /var/lib/grafana/dashboards");
	}

	private static Map<String, String> datasource(JsonNode node) {
		return Map.of("type", node.path("type").asString(""), "uid", node.path("uid").asString(""));
	}

}
