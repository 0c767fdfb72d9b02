package org.dsmastery.order;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Keeps every stopped Observation of the given names, as the application's registry
 * reports it (a bean: Boot adds it to the registry next to the metrics handler).
 */
class RecordedObservations implements ObservationHandler<Observation.Context> {

	private final List<String> names;

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	RecordedObservations(String... names) {
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
	 */
	List<Observation.Context> with(String key, String value) {
		return this.stopped.stream().filter((context) -> value.equals(value(context, key))).toList();
	}

	/**
	 * Returns the stopped observations of a name, in the order they stopped.
	 */
	List<Observation.Context> named(String name) {
		return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	static String value(Observation.Context context, String key) {
		KeyValue low = context.getLowCardinalityKeyValue(key);
		KeyValue found = (low != null) ? low : context.getHighCardinalityKeyValue(key);
		return (found != null) ? found.getValue() : null;
	}

	static String describe(Observation.Context context, String... keys) {
		return String.join(" ", Arrays.stream(keys).map((key) -> Objects.toString(value(context, key))).toList());
	}

}
