package org.dsmastery.audit;

/**
 * The audit could not read a source: a service or Kafka did not answer.
 */
public class AuditException extends RuntimeException {

	public AuditException(String message) {
		super(message);
	}

	public AuditException(String message, Throwable cause) {
		super(message, cause);
	}

}
