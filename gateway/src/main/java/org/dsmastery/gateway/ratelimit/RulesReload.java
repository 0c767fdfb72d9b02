package org.dsmastery.gateway.ratelimit;

import org.dsmastery.ratelimiting.RedisRules;

import org.springframework.context.SmartLifecycle;

/**
 * Stops the rules' periodic reload (redis mode) before the Redis connection factory
 * stops: a bean's destroy method runs only after every lifecycle has stopped, and a
 * reload between the two failed on the stopped factory with a warning and an error at
 * every shutdown.
 */
class RulesReload implements SmartLifecycle {

	/** Just above the connection factory's phase (0), so this stops first. */
	static final int PHASE = 1;

	private final RedisRules rules;

	private volatile boolean running = true;

	RulesReload(RedisRules rules) {
		this.rules = rules;
	}

	@Override
	public void start() {
		// the rules start reloading when created: the decider needs them at once
		this.running = true;
	}

	@Override
	public void stop() {
		this.rules.close();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
