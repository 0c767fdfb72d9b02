package org.dsmastery.tidy.application;

import org.dsmastery.tidy.domain.Thing;
import org.dsmastery.tidy.domain.Things;

public class ThingService {

	private final Things things;

	public ThingService(Things things) {
		this.things = things;
	}

	public void add(String name) {
		this.things.add(new Thing(name));
	}

}
