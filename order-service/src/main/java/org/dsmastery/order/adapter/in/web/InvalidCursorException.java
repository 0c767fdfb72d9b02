package org.dsmastery.order.adapter.in.web;

/**
 * A {@code cursor} query parameter this list did not issue (malformed, cut, edited, or
 * taken from another list or another filter): answered with 400 {@code invalid-cursor}.
 */
class InvalidCursorException extends RuntimeException {

	InvalidCursorException(String message) {
		super(message);
	}

}
