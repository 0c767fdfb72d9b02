package org.dsmastery.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert and recording rules under {@code prometheus/rules}, checked and unit-tested
 * by the real promtool, and every Prometheus configuration under {@code prometheus/}
 * checked with it.
 */
class PrometheusRulesTests {

	/** Maven runs the tests in the module's folder, which is observability/. */
	private static final Path PROMETHEUS = Path.of("prometheus").toAbsolutePath();

	private static final Path README = Path.of("README.md").toAbsolutePath();

	@TestFactory
	Stream<DynamicTest> promtoolChecksEveryRuleFile() {
		return files(PROMETHEUS.resolve("rules"))
			.map((file) -> DynamicTest.dynamicTest("check rules " + file.getFileName(),
					() -> Promtool.assertSucceeds(file.getParent(), "check", "rules", file.toString())));
	}

	@TestFactory
	Stream<DynamicTest> promtoolRunsEveryRuleTestFile() {
		return files(PROMETHEUS.resolve("tests"))
			.map((file) -> DynamicTest.dynamicTest("test rules " + file.getFileName(),
					() -> Promtool.assertSucceeds(file.getParent(), "test", "rules", file.toString())));
	}

	/**
	 * Every configuration found (local mode's scrape config, and any other); rule paths
	 * are relative to it.
	 */
	@TestFactory
	Stream<DynamicTest> promtoolChecksEveryConfigFound() {
		return files(PROMETHEUS).map((file) -> DynamicTest.dynamicTest("check config " + file.getFileName(),
				() -> Promtool.assertSucceeds(file.getParent(), "check", "config", file.toString())));
	}

	@Test
	void promtoolIsInstalled() {
		assertThat(Promtool.executable()).isExecutable();
		assertThat(Promtool.run(PROMETHEUS, "--version").output()).contains("promtool");
	}

	@Test
	void everyAlertHasASummaryADescriptionAndARunbookSectionInTheReadme() throws IOException {
		Set<String> anchors = readmeAnchors();
		List<Map<String, Object>> alerts = rules().stream().filter((rule) -> rule.containsKey("alert")).toList();
		assertThat(alerts).extracting((rule) -> rule.get("alert"))
			.contains("OrderSuccessBudgetBurnFast", "OrderSuccessBudgetBurnSlow", "OrderLatencyBudgetBurnFast",
					"OrderLatencyBudgetBurnSlow", "OutboxBacklogGrowing", "DeadLettersNotEmpty", "CircuitBreakerOpen",
					"WorkerIdLeaseLost", "TargetDown");
		for (Map<String, Object> alert : alerts) {
			Map<String, Object> annotations = map(alert.get("annotations"));
			assertThat(annotations).as("annotations of %s", alert.get("alert"))
				.containsKeys("summary", "description", "runbook_url");
			assertThat(map(alert.get("labels"))).as("labels of %s", alert.get("alert"))
				.containsKey("severity")
				.extractingByKey("severity")
				.isIn("page", "ticket");
			String runbook = (String) annotations.get("runbook_url");
			assertThat(runbook).as("runbook of %s", alert.get("alert")).startsWith("observability/README.md#");
			assertThat(anchors).as("README.md sections (runbook of %s)", alert.get("alert"))
				.contains(runbook.substring(runbook.indexOf('#') + 1));
		}
	}

	@Test
	void everyAlertHasAFiringAndANotFiringUnitTest() {
		Map<String, List<Boolean>> cases = new LinkedHashMap<>();
		for (Map<String, Object> test : ruleTests()) {
			for (Object item : list(test.get("alert_rule_test"))) {
				Map<String, Object> check = map(item);
				cases.computeIfAbsent((String) check.get("alertname"), (name) -> new ArrayList<>())
					.add(!list(check.get("exp_alerts")).isEmpty());
			}
		}
		for (Map<String, Object> rule : rules()) {
			if (rule.containsKey("alert")) {
				assertThat(cases.get((String) rule.get("alert"))).as("unit tests of %s", rule.get("alert"))
					.contains(true, false);
			}
		}
	}

	@Test
	void everyRecordingRuleIsTestedOrFeedsATestedAlert() {
		Set<String> exercised = new LinkedHashSet<>();
		for (Map<String, Object> test : ruleTests()) {
			for (Object item : list(test.get("promql_expr_test"))) {
				exercised.addAll(PromQl.names((String) map(item).get("expr")).metrics());
			}
		}
		for (Map<String, Object> rule : rules()) {
			if (rule.containsKey("alert")) {
				exercised.addAll(PromQl.names((String) rule.get("expr")).metrics());
			}
		}
		for (Map<String, Object> rule : rules()) {
			if (rule.containsKey("record")) {
				assertThat(exercised).as("recording rules under test").contains((String) rule.get("record"));
			}
		}
	}

	@Test
	void rulesReadOnlyCatalogueMetricsOrRecordedSeries() {
		Set<String> recorded = new LinkedHashSet<>();
		rules().stream()
			.filter((rule) -> rule.containsKey("record"))
			.forEach((rule) -> recorded.add((String) rule.get("record")));
		for (Map<String, Object> rule : rules()) {
			for (PromQl.Selector selector : PromQl.names((String) rule.get("expr")).selectors()) {
				if (!recorded.contains(selector.metric())) {
					assertThat(MetricCatalogue.labels(selector.metric()))
						.as("catalogue entry of %s in %s", selector.metric(), rule.get("expr"))
						.hasValueSatisfying((labels) -> assertThat(labels).containsAll(selector.labels()));
				}
			}
		}
	}

	/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
	private static Set<String> readmeAnchors() throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		for (String line : Files.readAllLines(README)) {
			if (line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
				anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	static List<Map<String, Object>> rules() {
		List<Map<String, Object>> rules = new ArrayList<>();
		files(PROMETHEUS.resolve("rules")).forEach((file) -> {
			for (Object group : list(yaml(file).get("groups"))) {
				list(map(group).get("rules")).forEach((rule) -> rules.add(map(rule)));
			}
		});
		return rules;
	}

	private static List<Map<String, Object>> ruleTests() {
		List<Map<String, Object>> tests = new ArrayList<>();
		files(PROMETHEUS.resolve("tests"))
			.forEach((file) -> list(yaml(file).get("tests")).forEach((test) -> tests.add(map(test))));
		return tests;
	}

	private static Stream<Path> files(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().matches(".*\\.ya?ml"))
				.sorted()
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> yaml(Path file) {
		try {
			return new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (value != null) ? (List<Object>) value : List.of();
	}

}
