package org.dsmastery.identity.keys;

import org.dsmastery.identity.IdentityProperties;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Rotates the signing keys every {@code shop.identity.key-rotation}, counted from the
 * start.
 */
@Component
class KeyRotationSchedule implements SchedulingConfigurer {

	private final RotatingSigningKeys keys;

	private final IdentityProperties properties;

	KeyRotationSchedule(RotatingSigningKeys keys, IdentityProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(
				new FixedRateTask(this.keys::rotate, this.properties.keyRotation(), this.properties.keyRotation()));
	}

}
