package org.dsmastery.observability;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * {@link PanelQueries} against a real Prometheus (Debian's {@code prometheus}, as in
 * local mode) that scrapes a tiny exporter writing one series of every catalogue metric.
 * On that input every dashboard query must answer a series: what the services must export
 * for the dashboards to be true is exactly {@link MetricCatalogue}.
 */
class PanelQueriesTests {

	/**
	 * Label values for the synthetic series, one series per combination; any label not
	 * named here gets "x".
	 */
	private static final Map<String, List<String>> VALUES = Map.ofEntries(
			Map.entry("service", List.of("order-service")), Map.entry("instance", List.of("order-service:8081")),
			Map.entry("version", List.of("0.1.0-SNAPSHOT")), Map.entry("status", List.of("200")),
			Map.entry("outcome", List.of("SUCCESS")), Map.entry("state", List.of("open")),
			Map.entry("area", List.of("heap", "nonheap")), Map.entry("result", List.of("hit")),
			Map.entry("style", List.of("orchestrated")), Map.entry("reason", List.of("none")),
			Map.entry("attempt", List.of("1")));

	@TempDir
	static Path dir;

	private static HttpServer exporter;

	private static Process prometheus;

	private static PanelQueries queries;

	private static final long STARTED = System.nanoTime();

	@BeforeAll
	static void startPrometheusScrapingTheCatalogue() throws IOException {
		exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		exporter.createContext("/metrics", (exchange) -> {
			byte[] body = catalogueExposition().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		exporter.start();
		int port = freePort();
		Path config = Files.writeString(dir.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: catalogue
				    honor_labels: true
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(exporter.getAddress().getPort()));
		prometheus = new ProcessBuilder(prometheusExecutable().toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
		queries = new PanelQueries(URI.create("http://127.0.0.1:" + port));
		PanelQuery scraped = new PanelQuery("test", "scraped", "A", "sum(rate(orders_placed_total[1m]))");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> prometheus.isAlive() && queries.withoutSeries(List.of(scraped)).isEmpty());
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (prometheus != null) {
			prometheus.destroy();
			if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
				prometheus.destroyForcibly();
			}
		}
		if (exporter != null) {
			exporter.stop(0);
		}
	}

	@Test
	void everyDashboardQueryAnswersASeriesWhenTheCatalogueIsExported() {
		List<PanelQuery> all = Dashboards.load().queries();
		assertThat(all).hasSizeGreaterThan(40);
		assertThat(queries.withoutSeries(all)).isEmpty();
	}

	@Test
	void aMetricOrLabelNobodyExportsIsNamed() {
		PanelQuery missingMetric = new PanelQuery("d", "p", "A", "sum(rate(orders_shipped_total[1m]))");
		PanelQuery missingLabel = new PanelQuery("d", "p", "B", "sum(rate(orders_placed_total{tier=\"gold\"}[1m]))");
		PanelQuery present = new PanelQuery("d", "p", "C", "sum by (style) (rate(orders_placed_total[1m]))");
		assertThat(queries.withoutSeries(List.of(missingMetric, missingLabel, present))).containsExactly(
				new PanelQueries.Unanswered(missingMetric, "no series"),
				new PanelQueries.Unanswered(missingLabel, "no series"));
	}

	@Test
	void aQueryPrometheusRejectsIsNamedWithItsError() {
		PanelQuery broken = new PanelQuery("d", "p", "A", "sum(rate(orders_placed_total[1m])");
		assertThat(queries.withoutSeries(List.of(broken))).singleElement()
			.satisfies((unanswered) -> assertThat(unanswered.why()).startsWith("HTTP 400, bad_data: "));
	}

	/**
	 * One series per catalogue name; counters and histograms grow with time so rates are
	 * non-zero.
	 */
	private static String catalogueExposition() {
		double seconds = (System.nanoTime() - STARTED) / 1e9;
		StringBuilder text = new StringBuilder();
		for (String name : MetricCatalogue.names()) {
			if (name.equals("up")) {
				continue;
			}
			TreeSet<String> labels = new TreeSet<>(MetricCatalogue.labels(name).orElseThrow());
			labels.remove("le");
			boolean growing = name.endsWith("_total") || name.endsWith("_count") || name.endsWith("_sum");
			for (String series : combinations(List.copyOf(labels))) {
				if (name.endsWith("_bucket")) {
					text.append(name)
						.append('{')
						.append(series)
						.append(",le=\"0.5\"} ")
						.append(seconds * 5)
						.append('\n');
					text.append(name)
						.append('{')
						.append(series)
						.append(",le=\"1.0\"} ")
						.append(seconds * 10)
						.append('\n');
					text.append(name)
						.append('{')
						.append(series)
						.append(",le=\"+Inf\"} ")
						.append(seconds * 10)
						.append('\n');
				}
				else {
					text.append(name)
						.append('{')
						.append(series)
						.append("} ")
						.append(growing ? seconds * 10 : 1)
						.append('\n');
				}
			}
		}
		return text.toString();
	}

	/** Every combination of the labels' values, each written as {@code a="1",b="2"}. */
	private static List<String> combinations(List<String> labels) {
		if (labels.isEmpty()) {
			return List.of("");
		}
		String label = labels.get(0);
		List<String> combinations = new ArrayList<>();
		for (String rest : combinations(labels.subList(1, labels.size()))) {
			for (String value : VALUES.getOrDefault(label, List.of("x"))) {
				combinations.add(label + "=\"" + value + "\"" + (rest.isEmpty() ? "" : "," + rest));
			}
		}
		return combinations;
	}

	private static Path prometheusExecutable() {
		for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(path, "prometheus");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return fail("prometheus is not on the PATH: this test runs the real server. Install it with "
				+ "`apt-get install -y --no-install-recommends prometheus` (Debian; .ci/run does it)");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
