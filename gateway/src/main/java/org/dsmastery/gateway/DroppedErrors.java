package org.dsmastery.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * What the gateway does with an error Reactor drops because its subscriber has already
 * gone. Reactor's default logs each at ERROR with a stack trace. One such error is
 * expected: when the rate-limit guard's timeout cancels the call to the rate-limiter
 * while its answer is being delivered, WebClient reports "The client response body has
 * been released already due to cancellation" to nobody (spring-framework#37204, fixed by
 * the open pull request #37205). The gateway has already let the local fallback decide,
 * so it is logged at DEBUG; every other dropped error stays an ERROR.
 */
final class DroppedErrors {

	private static final Logger logger = LoggerFactory.getLogger(DroppedErrors.class);

	private DroppedErrors() {
	}

	static void install() {
		Hooks.onErrorDropped(DroppedErrors::log);
	}

	static void log(Throwable error) {
		if (isReleasedAfterCancellation(error)) {
			logger.debug("Dropped after a cancelled call: {}", error.toString());
		}
		else {
			logger.error("An error arrived after its subscriber had gone", error);
		}
	}

	static boolean isReleasedAfterCancellation(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalStateException && cause.getMessage() != null
					&& cause.getMessage().contains("released already due to cancellation")) {
				return true;
			}
		}
		return false;
	}

}
