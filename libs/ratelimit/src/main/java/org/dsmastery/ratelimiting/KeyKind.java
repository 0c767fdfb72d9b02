package org.dsmastery.ratelimiting;

/**
 * What a rule's limit counts per.
 */
public enum KeyKind {

	/** Per API key. */
	API_KEY,

	/** Per customer. */
	CUSTOMER,

	/** Per client IP address. */
	IP

}
