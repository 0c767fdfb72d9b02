package org.dsmastery.idgen.api;

class InvalidCountException extends RuntimeException {

	private final int max;

	InvalidCountException(int count, int max) {
		super("count must be between 1 and " + max + ", was " + count);
		this.max = max;
	}

	int max() {
		return this.max;
	}

}
