package org.dsmastery.tidy.contracts.v1;

public record ThingAdded(String name) {

	public static final String TOPIC = "thing.events.v1";

}
