package org.dsmastery.inventory.adapter.in.web;

/**
 * Bad input found past bean validation: the field and what is wrong with it.
 */
class InvalidRequestException extends RuntimeException {

	private final String field;

	InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
