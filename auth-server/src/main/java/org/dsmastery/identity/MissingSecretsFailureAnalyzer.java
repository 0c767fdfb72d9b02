package org.dsmastery.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns a start without secrets into Spring Boot's "APPLICATION FAILED TO START" report
 * that names the missing properties and says where they come from, instead of a binding
 * stack trace. Ordered first: Boot's own analyzer of binding failures would otherwise
 * report it as one.
 */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsException> implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretsException cause) {
		return new FailureAnalysis("The auth-server has no value for " + String.join(", ", cause.properties()) + ".",
				"Start the platform with ./platform up, which generates the secrets into .platform/secrets/ and "
						+ "passes them with --spring.config.import=optional:configtree:.platform/secrets/; "
						+ "or set the properties yourself (environment, command line). " + "Never commit their values.",
				cause);
	}

}
