package org.dsmastery.ratelimit.rules;

/**
 * What a limit counts per.
 */
public enum KeyKind {

	/** Per API key. */
	API_KEY,

	/** Per customer. */
	CUSTOMER,

	/** Per client IP address. */
	IP

}
