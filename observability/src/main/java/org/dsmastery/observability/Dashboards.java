package org.dsmastery.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every dashboard under {@code observability/grafana/dashboards}, and every query of
 * every panel ready to run against Prometheus.
 */
public final class Dashboards {

	/** Where the dashboards live, from the repository's root. */
	public static final String FOLDER = "observability/grafana/dashboards";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Dashboard> dashboards;

	private Dashboards(List<Dashboard> dashboards) {
		this.dashboards = List.copyOf(dashboards);
	}

	/**
	 * Loads every {@code *.json} file of a folder, in file name order.
	 * @param folder the dashboards' folder
	 * @return the dashboards
	 * @throws UncheckedIOException when the folder or a file cannot be read
	 * @throws tools.jackson.core.JacksonException when a file is not JSON
	 */
	public static Dashboards load(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<Dashboard> dashboards = new ArrayList<>();
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
				dashboards.add(new Dashboard(file, JSON.readTree(file)));
			}
			return new Dashboards(dashboards);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the dashboards in " + folder, ex);
		}
	}

	/**
	 * Loads the repository's dashboards, found from the working directory upwards (Maven
	 * runs each module's tests in its own folder).
	 * @return the dashboards
	 * @throws IllegalStateException when no parent of the working directory holds
	 * {@link #FOLDER}
	 */
	public static Dashboards load() {
		return load(locate(Path.of("").toAbsolutePath()));
	}

	/**
	 * Finds {@link #FOLDER} in a directory or the nearest of its parents that holds it.
	 * @param start where to start looking
	 * @return the dashboards' folder
	 * @throws IllegalStateException when none holds it
	 */
	public static Path locate(Path start) {
		for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path folder = dir.resolve(FOLDER);
			if (Files.isDirectory(folder)) {
				return folder;
			}
		}
		throw new IllegalStateException("no " + FOLDER + " in " + start + " or any of its parents");
	}

	/**
	 * Returns the dashboards.
	 * @return the dashboards, in file name order
	 */
	public List<Dashboard> dashboards() {
		return this.dashboards;
	}

	/**
	 * Returns every panel's every query with its variables substituted: template
	 * variables in label matchers become {@code .*}, {@code $__rate_interval} and
	 * {@code $__interval} become {@code 1m} and {@code $__range} becomes {@code 5m}.
	 * @return the queries, dashboard by dashboard
	 * @see Substitution
	 */
	public List<PanelQuery> queries() {
		return queries("1m", "5m");
	}

	/**
	 * Returns every panel's every query with its variables substituted.
	 * @param rateInterval what {@code $__rate_interval} and {@code $__interval} become
	 * @param range what {@code $__range} becomes
	 * @return the queries, dashboard by dashboard
	 * @see Substitution
	 */
	public List<PanelQuery> queries(String rateInterval, String range) {
		List<PanelQuery> queries = new ArrayList<>();
		for (Dashboard dashboard : this.dashboards) {
			Substitution substitution = new Substitution(dashboard.variables(), rateInterval, range);
			for (PanelQuery query : dashboard.queries()) {
				queries.add(new PanelQuery(query.dashboard(), query.panel(), query.refId(),
						substitution.apply(query.expr())));
			}
		}
		return queries;
	}

}
