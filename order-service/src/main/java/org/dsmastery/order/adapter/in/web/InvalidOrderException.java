package org.dsmastery.order.adapter.in.web;

/**
 * Bad input found past bean validation: the field and what is wrong with it.
 */
class InvalidOrderException extends RuntimeException {

	private final String field;

	InvalidOrderException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
