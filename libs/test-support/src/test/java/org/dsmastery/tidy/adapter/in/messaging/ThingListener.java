package org.dsmastery.tidy.adapter.in.messaging;

import org.dsmastery.tidy.application.ThingService;
import org.dsmastery.tidy.contracts.v1.ThingAdded;

class ThingListener {

	private final ThingService things;

	ThingListener(ThingService things) {
		this.things = things;
	}

	void on(ThingAdded message) {
		this.things.add(message.name());
	}

}
