package org.dsmastery.tidy.config;

import org.dsmastery.tidy.adapter.out.persistence.JdbcThings;
import org.dsmastery.tidy.application.ThingService;
import org.dsmastery.tidy.contracts.v1.ThingAdded;

class TidyConfiguration {

	ThingService thingService(TidyProperties properties) {
		return new ThingService(new JdbcThings(properties.limit()));
	}

	String topic() {
		return ThingAdded.TOPIC;
	}

}
