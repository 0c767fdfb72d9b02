package org.dsmastery.ratelimiting;

/**
 * What a rule's limit counts per.
 */
public enum KeyKind {

	/**
	 * Per OAuth2 client: an operator's or a service's client-credentials token, counted
	 * by its client id.
	 */
	CLIENT,

	/** Per customer: a shopper's token, counted by its customer id. */
	CUSTOMER,

	/** Per client IP address: a caller without a token. */
	IP

}
