package org.dsmastery.tidy.adapter.in.web;

import org.dsmastery.tidy.application.ThingService;

class ThingController {

	private final ThingService things;

	ThingController(ThingService things) {
		this.things = things;
	}

	void post(String name) {
		this.things.add(name);
	}

}
