package org.dsmastery.gateway;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.dsmastery.testsupport.LocalHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the gateway's {@code /actuator/prometheus} as Prometheus scrapes it, so tests
 * assert the exported names, labels and values that dashboards and alerts use.
 */
public final class Prometheus {

	private final LocalHttp http;

	public Prometheus(LocalHttp http) {
		this.http = http;
	}

	/**
	 * Scrapes once.
	 * @return the sample lines (no comments)
	 */
	public List<String> samples() {
		HttpResponse<String> response = this.http.send(this.http.request("/actuator/prometheus").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).toList();
	}

	/**
	 * Returns the value of the one sample of a metric that has all the given labels.
	 * @param name the sample name, such as {@code ratelimit_decisions_total}
	 * @param labels {@code key="value"} pairs the sample must have
	 * @return the value, empty if no sample matches
	 */
	public OptionalDouble value(String name, String... labels) {
		List<String> matching = matching(samples(), name, labels);
		assertThat(matching).as("samples of %s with %s", name, Arrays.toString(labels)).hasSizeLessThan(2);
		return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(valueOf(matching.get(0)));
	}

	/**
	 * Returns the samples of a metric that have all the given labels.
	 * @param samples the scraped samples
	 * @param name the sample name
	 * @param labels {@code key="value"} pairs the sample must have
	 * @return the matching lines
	 */
	public static List<String> matching(List<String> samples, String name, String... labels) {
		return samples.stream()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch((label) -> labelsOf(line).contains(label)))
			.toList();
	}

	private static List<String> labelsOf(String sample) {
		String line = withoutExemplar(sample);
		int open = line.indexOf('{');
		if (open < 0) {
			return List.of();
		}
		String labels = line.substring(open + 1, line.lastIndexOf('}'));
		return Arrays.asList(labels.split(",(?=[a-zA-Z_]+=\")"));
	}

	/**
	 * Returns a sample line's value (an exemplar after it is ignored).
	 * @param line the line
	 * @return the value
	 */
	public static double valueOf(String sample) {
		String line = withoutExemplar(sample);
		String afterLabels = line.substring(line.lastIndexOf('}') + 1).strip();
		return Double.parseDouble(afterLabels.split(" ")[0]);
	}

	private static String withoutExemplar(String line) {
		int exemplar = line.indexOf(" # {");
		return (exemplar < 0) ? line : line.substring(0, exemplar);
	}

}
