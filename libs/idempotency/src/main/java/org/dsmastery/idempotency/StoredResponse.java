package org.dsmastery.idempotency;

/**
 * The first response to a request with an idempotency key.
 *
 * @param fingerprint hash of the request it answered
 * @param status HTTP status
 * @param contentType its Content-Type, or {@code null}
 * @param location its Location, or {@code null}
 * @param body its body
 */
record StoredResponse(String fingerprint, int status, String contentType, String location, byte[] body) {
}
