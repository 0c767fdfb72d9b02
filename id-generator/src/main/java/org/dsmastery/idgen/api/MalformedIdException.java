package org.dsmastery.idgen.api;

class MalformedIdException extends RuntimeException {

	MalformedIdException(long id) {
		super("a Snowflake id is a non-negative 64-bit number, was " + id);
	}

}
