package org.dsmastery.ratelimiting;

import java.util.Collection;
import java.util.List;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the periodic reload of {@link RedisRules} in a Spring application's lifecycle: it
 * starts after the Redis connection factory and stops before it. A bean's destroy method
 * runs only after every lifecycle has stopped, so a reload closed there could still run
 * on the stopped factory, with a warning and an error at every shutdown.
 */
public class RulesReload implements SmartLifecycle {

	/** Just above the Redis connection factory's phase (0). */
	public static final int PHASE = 1;

	private final RedisRules rules;

	private final List<Rule> defaults;

	private final List<TierAssignment> defaultTiers;

	private volatile boolean running;

	/**
	 * Creates the lifecycle of rules that a fresh Redis gets defaults for.
	 * @param rules the rules
	 * @param defaults the rules of a fresh Redis
	 * @param defaultTiers the tiers of a fresh Redis
	 * @see RedisRules#start(Collection, Collection)
	 */
	public RulesReload(RedisRules rules, Collection<Rule> defaults, Collection<TierAssignment> defaultTiers) {
		this.rules = rules;
		this.defaults = List.copyOf(defaults);
		this.defaultTiers = List.copyOf(defaultTiers);
	}

	@Override
	public void start() {
		// a no-op for rules already reloading
		this.rules.start(this.defaults, this.defaultTiers);
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
