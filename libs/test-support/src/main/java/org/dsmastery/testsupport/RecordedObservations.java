package org.dsmastery.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Keeps every stopped Observation of the given names, as the application's registry
 * reports it: declare it as a bean in a test's configuration, and Boot adds it to the
 * registry next to the metrics and tracing handlers. Lets a test assert what a service
 * observed (names, keys, which observation was current when another started).
 */
public class RecordedObservations implements ObservationHandler<Observation.Context> {

	private final List<String> names;

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	public RecordedObservations(String... names) {
		this.names = List.of(names);
	}

	/**
	 * Every context: a handler is chosen when its observation is created, and some (the
	 * HTTP server's) get their name only later, from their convention.
	 */
	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	@Override
	public void onStop(Observation.Context context) {
		if (this.names.contains(context.getName())) {
			this.stopped.add(context);
		}
	}

	/**
	 * Returns the stopped observations with a key value, in the order they stopped.
	 * @param key a low- or high-cardinality key
	 * @param value its value
	 * @return the observations
	 */
	public List<Observation.Context> with(String key, String value) {
		return this.stopped.stream().filter((context) -> value.equals(value(context, key))).toList();
	}

	/**
	 * Returns the stopped observations of a name, in the order they stopped.
	 * @param name the observation's name
	 * @return the observations
	 */
	public List<Observation.Context> named(String name) {
		return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	/**
	 * Returns a key's value, low or high cardinality.
	 * @param context the observation
	 * @param key the key
	 * @return its value, or {@code null}
	 */
	public static String value(Observation.Context context, String key) {
		KeyValue low = context.getLowCardinalityKeyValue(key);
		KeyValue found = (low != null) ? low : context.getHighCardinalityKeyValue(key);
		return (found != null) ? found.getValue() : null;
	}

	/**
	 * Returns the values of some keys, for an assertion's description.
	 * @param context the observation
	 * @param keys the keys
	 * @return the values, separated by spaces
	 */
	public static String describe(Observation.Context context, String... keys) {
		return String.join(" ", Arrays.stream(keys).map((key) -> Objects.toString(value(context, key))).toList());
	}

}
